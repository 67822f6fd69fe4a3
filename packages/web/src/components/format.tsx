import { useTranslation } from 'react-i18next';
import { formatBytes, formatDate, formatMoney, type MoneyValue } from '@/lib/format';

export function Money({ value }: { value: MoneyValue | null | undefined }) {
  const { i18n, t } = useTranslation();
  if (!value) return <>{t('common.none')}</>;
  return <span className="num">{formatMoney(value, i18n.language)}</span>;
}

export function DateText({ value }: { value: string | null | undefined }) {
  const { i18n, t } = useTranslation();
  if (!value) return <>{t('common.none')}</>;
  return <time dateTime={value}>{formatDate(value, i18n.language)}</time>;
}

export function FileSize({ value }: { value: number | null | undefined }) {
  const { i18n, t } = useTranslation();
  if (value == null) return <>{t('common.none')}</>;
  const units = t('units', { returnObjects: true }) as Record<string, string>;
  return <span className="num">{formatBytes(value, i18n.language, units)}</span>;
}
