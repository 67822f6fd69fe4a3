import { describe, expect, it } from 'vitest';
import { exportUrl } from './export-url';

describe('exportUrl', () => {
  it('passes the list filter as the export’s parameters', () => {
    expect(
      exportUrl('invoices.zip', { unpaid: true, dateFrom: '2026-07-01', search: 'FA 12' }),
    ).toBe('/downloads/exports/invoices.zip?unpaid=1&dateFrom=2026-07-01&search=FA+12');
    expect(exportUrl('orders.csv', { states: ['CONFIRMED', 'DONE'] })).toBe(
      '/downloads/exports/orders.csv?states=CONFIRMED%2CDONE',
    );
  });

  it('leaves out empty and false fields', () => {
    expect(exportUrl('invoices.csv', { overdue: false, states: [], search: null })).toBe(
      '/downloads/exports/invoices.csv',
    );
    expect(exportUrl('orders.csv')).toBe('/downloads/exports/orders.csv');
  });

  it('names picked invoices by their ids, comma-separated', () => {
    expect(exportUrl('invoices.zip', { ids: ['SW52b2ljZTox', 'SW52b2ljZToy'] })).toBe(
      '/downloads/exports/invoices.zip?ids=SW52b2ljZTox%2CSW52b2ljZToy',
    );
  });
});
