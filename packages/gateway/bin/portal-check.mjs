#!/usr/bin/env node
// portal-check: the built check (src/check-main.ts), as a command on PATH in the gateway image.
import '../dist/check-main.js';
