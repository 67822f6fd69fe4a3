import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { isHttps } from './request.js';

const request = (proto: string, encrypted = false) =>
  ({
    headers: { 'x-forwarded-proto': proto },
    socket: { encrypted },
  }) as unknown as IncomingMessage;

describe('isHttps', () => {
  it('trusts X-Forwarded-Proto only behind a trusted proxy', () => {
    expect(isHttps(request('https'), 0)).toBe(false);
    expect(isHttps(request('https'), 1)).toBe(true);
    expect(isHttps(request('javascript'), 1)).toBe(false);
    expect(isHttps(request('http', true), 0)).toBe(true);
  });
});
