import { createContext, type ReactNode, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { type Brand, DEFAULT_BRAND } from './brand';

const BrandContext = createContext<Brand>(DEFAULT_BRAND);

export function BrandProvider({ brand, children }: { brand: Brand; children: ReactNode }) {
  return <BrandContext.Provider value={brand}>{children}</BrandContext.Provider>;
}

export function useBrand(): Brand {
  return useContext(BrandContext);
}

/** The company's name, or the portal's generic one in the UI language. */
export function useBrandName(): string {
  const { t } = useTranslation();
  return useBrand().name ?? t('app.name');
}
