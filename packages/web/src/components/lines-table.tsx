import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Money } from '@/components/format';
import { formatNumber, type MoneyValue } from '@/lib/format';

/** What a line table shows of a line: the fields an order's and an invoice's lines share. */
export interface TableLine {
  id: string;
  description: string;
  quantity: number;
  unit?: string | null;
  taxes: string[];
  product?: { name: string; code?: string | null } | null;
  unitPrice: MoneyValue | null;
  amount: MoneyValue | null;
}

/**
 * The lines of an order or an invoice: product (with its code, and the line's own text when
 * it says more than the product's name), quantity, unit price, taxes and amount. `footer` is
 * the table's `<tfoot>` (the order's totals); `shown` is how many lines the page asked for,
 * and a record with that many says that it may have more.
 */
export function LinesTable({
  lines,
  caption,
  footer,
  shown,
  cappedNote,
}: {
  lines: readonly TableLine[];
  caption: string;
  footer?: ReactNode;
  shown: number;
  cappedNote: string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="data-table lines-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('orders.product')}</th>
            <th scope="col" className="amount">
              {t('orders.quantity')}
            </th>
            <th scope="col" className="amount">
              {t('orders.unitPrice')}
            </th>
            <th scope="col">{t('orders.taxes')}</th>
            <th scope="col" className="amount">
              {t('orders.amount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.id}>
              <th scope="row" data-label={t('orders.product')}>
                <span className="line-name">{line.product?.name ?? line.description}</span>
                {line.product?.code && <span className="muted small"> {line.product.code}</span>}
                {line.product && line.description && line.description !== line.product.name && (
                  <span className="muted small line-description">{line.description}</span>
                )}
              </th>
              <td data-label={t('orders.quantity')} className="amount">
                {formatNumber(line.quantity, i18n.language)} {line.unit ?? ''}
              </td>
              <td data-label={t('orders.unitPrice')} className="amount">
                <Money value={line.unitPrice} />
              </td>
              <td data-label={t('orders.taxes')}>{line.taxes.join(', ') || t('common.none')}</td>
              <td data-label={t('orders.amount')} className="amount">
                <Money value={line.amount} />
              </td>
            </tr>
          ))}
        </tbody>
        {footer}
      </table>
      {lines.length >= shown && <p className="muted small">{cappedNote}</p>}
    </div>
  );
}
