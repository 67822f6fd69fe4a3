import type { InvoiceFilter, OrderFilter } from '@/gql/graphql';

/** The gateway's bulk exports (docs/graphql.md#bulk-exports). */
export type ExportKind = 'invoices.zip' | 'invoices.csv' | 'orders.csv';

/** Invoices picked one by one: their GraphQL ids. */
export interface IdSelection {
  ids: string[];
}

/**
 * The URL of an export: of a list's whole filtered result (the filter's fields as the
 * export's query parameters, the same names as the GraphQL input's), or of invoices picked
 * by id (`ids`, comma-separated).
 */
export function exportUrl(
  kind: ExportKind,
  filter?: InvoiceFilter | OrderFilter | IdSelection,
): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filter ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (Array.isArray(value)) {
      if (value.length) params.set(name, value.join(','));
    } else {
      params.set(name, value === true ? '1' : String(value));
    }
  }
  const query = params.toString();
  return `/downloads/exports/${kind}${query ? `?${query}` : ''}`;
}
