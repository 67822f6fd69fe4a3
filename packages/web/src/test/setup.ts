import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { registerLanguage } from '@/lib/i18n';
import { en } from '@/locales/en';

// The app loads English on demand (lib/i18n.ts); tests have both languages at once.
registerLanguage('en', en);

afterEach(() => {
  cleanup();
  localStorage.clear();
});
