import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Keeps the tab title on the page: "Commandes · Portail client". */
export function useDocumentTitle(title: string): void {
  const { t } = useTranslation();
  const appName = t('app.name');
  useEffect(() => {
    document.title = title ? `${title} · ${appName}` : appName;
  }, [title, appName]);
}
