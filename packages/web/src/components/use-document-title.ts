import { useEffect } from 'react';
import { useBrandName } from '@/brand/brand-context';

/** Keeps the tab title on the page: "Commandes · Comptoir Lyonnais" (the brand's name). */
export function useDocumentTitle(title: string): void {
  const appName = useBrandName();
  useEffect(() => {
    document.title = title ? `${title} · ${appName}` : appName;
  }, [title, appName]);
}
