import i18n, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { fr } from '@/locales/fr';

export const LANGUAGES = ['fr', 'en'] as const;
export type UiLanguage = (typeof LANGUAGES)[number];

// Only the customer's explicit choice is stored; French is the default for everyone else.
const STORAGE_KEY = 'portal.language';

export function isUiLanguage(value: unknown): value is UiLanguage {
  return LANGUAGES.includes(value as UiLanguage);
}

export function storedLanguage(): UiLanguage | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isUiLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

export function storeLanguage(language: UiLanguage): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private browsing may refuse storage: the choice then lasts for this tab only.
  }
}

type Bundle = typeof fr;

// French, the default, ships with the app; English is its own chunk, loaded when chosen (it
// kept the sign-in page under its size budget). Tests register it up front (test/setup.ts).
const bundles: Partial<Record<UiLanguage, Bundle>> = { fr };

export function registerLanguage(language: UiLanguage, bundle: Bundle): void {
  bundles[language] = bundle;
}

/** Loads a language's texts once (English: a separate chunk). */
export async function loadLanguage(language: UiLanguage): Promise<void> {
  if (bundles[language]) return;
  if (language === 'en') bundles.en = (await import('@/locales/en')).en;
}

/** Switches `instance` to `language`, loading its texts first. */
export async function switchLanguage(instance: I18n, language: UiLanguage): Promise<void> {
  await loadLanguage(language);
  const bundle = bundles[language];
  if (bundle && !instance.hasResourceBundle(language, 'translation')) {
    instance.addResourceBundle(language, 'translation', bundle);
  }
  await instance.changeLanguage(language);
}

/** The i18n instance, in `language` if its texts are loaded (loadLanguage), else French. */
export function createI18n(language: UiLanguage = storedLanguage() ?? 'fr') {
  const instance = i18n.createInstance();
  const resources = Object.fromEntries(
    Object.entries(bundles).map(([lng, bundle]) => [lng, { translation: bundle }]),
  );
  instance.use(initReactI18next).init({
    resources,
    lng: bundles[language] ? language : 'fr',
    fallbackLng: 'fr',
    interpolation: { escapeValue: false },
    initAsync: false,
    showSupportNotice: false,
  });
  const syncDocument = (lng: string) => {
    if (typeof document !== 'undefined') document.documentElement.lang = lng;
  };
  syncDocument(instance.language);
  instance.on('languageChanged', syncDocument);
  return instance;
}
