import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { registerLanguage } from '@/lib/i18n';
import { en } from '@/locales/en';

// findBy*/waitFor give up after 1 s by default: on a 2-core machine running other suites, a
// render and a mocked answer can take longer (address-manager.test failed so at load 12).
// The bound catches a page that never shows; nothing here measures speed.
configure({ asyncUtilTimeout: 5000 });

// The app loads English on demand (lib/i18n.ts); tests have both languages at once.
registerLanguage('en', en);

afterEach(() => {
  cleanup();
  localStorage.clear();
});
