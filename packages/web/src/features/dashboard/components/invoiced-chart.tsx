import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '@/gql';
import type { InvoicedChart_MonthFragment } from '@/gql/graphql';
import { formatCompactMoney, formatMoney, formatMonth } from '@/lib/format';

export const InvoicedChartFragment = graphql(`
  fragment InvoicedChart_month on MonthlyAmount {
    month
    amount {
      amount
      currency
    }
  }
`);

// Two drawings rather than one scaled down: on a phone, 12 bars in 640 units would shrink the
// labels to unreadable sizes.
const WIDE = { width: 640, height: 220, month: 'short' } as const;
const NARROW = { width: 340, height: 220, month: 'narrow' } as const;
const PAD = { top: 16, right: 4, bottom: 28, left: 52 };

function useNarrow(): boolean {
  const query = '(max-width: 640px)';
  return useSyncExternalStore(
    (notify) => {
      const list = window.matchMedia?.(query);
      list?.addEventListener('change', notify);
      return () => list?.removeEventListener('change', notify);
    },
    () => window.matchMedia?.(query).matches ?? false,
  );
}

/** Rounds the axis maximum up to 1, 2 or 5 × 10^n so the grid lines get readable values. */
function niceMax(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((s) => s * power >= value) ?? 10;
  return step * power;
}

/**
 * Twelve bars drawn in SVG (no chart library). The same numbers are in a table for screen
 * readers, and each bar carries its exact amount as a tooltip.
 */
export function InvoicedChart({ months }: { months: InvoicedChart_MonthFragment[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { width: WIDTH, height: HEIGHT, month: monthStyle } = useNarrow() ? NARROW : WIDE;
  const values = months.map((m) => Number(m.amount.amount));
  const currency = months[0]?.amount.currency ?? 'EUR';
  const max = niceMax(Math.max(0, ...values));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(months.length, 1);
  const barW = Math.min(36, slot * 0.62);
  const ticks = [0, 0.5, 1].map((f) => f * max);
  const empty = values.every((v) => v === 0);

  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={t('dashboard.chartTitle')}
        preserveAspectRatio="xMidYMid meet"
      >
        {ticks.map((tick) => {
          const y = PAD.top + plotH - (tick / max) * plotH;
          return (
            <g key={tick} className="chart-grid">
              <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y} y2={y} />
              <text x={PAD.left - 8} y={y + 4} textAnchor="end">
                {formatCompactMoney(tick, currency, language)}
              </text>
            </g>
          );
        })}
        {months.map((m, i) => {
          const value = values[i] ?? 0;
          const h = (value / max) * plotH;
          const x = PAD.left + i * slot + (slot - barW) / 2;
          return (
            <g key={m.month}>
              <rect
                className="chart-bar"
                x={x}
                y={PAD.top + plotH - h}
                width={barW}
                height={Math.max(h, value > 0 ? 2 : 0)}
                rx="3"
              >
                <title>{`${formatMonth(m.month, language, 'long')} : ${formatMoney(m.amount, language)}`}</title>
              </rect>
              <text className="chart-label" x={x + barW / 2} y={HEIGHT - 8} textAnchor="middle">
                {formatMonth(m.month, language, monthStyle).replace('.', '')}
              </text>
            </g>
          );
        })}
      </svg>
      {empty && <figcaption className="muted">{t('dashboard.chartEmpty')}</figcaption>}
      <table className="visually-hidden">
        <caption>{t('dashboard.chartTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.month')}</th>
            <th scope="col">{t('dashboard.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {months.map((m) => (
            <tr key={m.month}>
              <th scope="row">{formatMonth(m.month, language, 'long')}</th>
              <td>{formatMoney(m.amount, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
