import { useApolloClient } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { storeLanguage, switchLanguage, type UiLanguage } from './i18n';

/**
 * Switches the UI language, remembers the choice, and refetches what is on screen so that the
 * gateway's translated fields (product names) follow the new Accept-Language.
 */
export function useChangeLanguage() {
  const { i18n } = useTranslation();
  const client = useApolloClient();
  return async (language: UiLanguage) => {
    if (language === i18n.language) return;
    storeLanguage(language);
    await switchLanguage(i18n, language);
    try {
      await client.refetchQueries({ include: 'active' });
    } catch {
      // Each query shows its own error state; the language has changed all the same.
    }
  };
}
