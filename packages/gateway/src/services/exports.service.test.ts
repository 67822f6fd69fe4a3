import { Decimal } from '@portal/tryton-client';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Invoice } from '../models.js';
import { invoicesCsv, safeCell } from './exports.service.js';

const eur = (amount: string) => ({ amount: Decimal.from(amount), currency: 'EUR' });

const invoice = (over: Partial<Invoice>): Invoice => ({
  id: 1,
  number: 'FA2026-00012',
  reference: null,
  state: 'POSTED',
  date: '2026-10-02',
  dueDate: '2026-11-01',
  overdue: true,
  untaxedAmount: eur('692.40'),
  taxAmount: eur('138.48'),
  totalAmount: eur('830.88'),
  amountDue: eur('498.53'),
  lineIds: [],
  taxIds: [],
  orderIds: [],
  currency: 'EUR',
  ...over,
});

describe('safeCell', () => {
  it('defuses what a spreadsheet would run as a formula, and nothing else', () => {
    for (const formula of ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\tx', '\rx']) {
      expect(safeCell(formula)).toBe(`'${formula}`);
    }
    for (const plain of ['CV-00042', 'Commande 12 = urgent', '', 'a-b']) {
      expect(safeCell(plain)).toBe(plain);
    }
    expect(safeCell(null)).toBe('');
  });
});

describe('invoicesCsv', () => {
  it('writes French spreadsheets’ separators: `;` and a decimal comma, with a BOM', () => {
    const text = invoicesCsv([invoice({ reference: '=cmd; "urgente"' })], 'fr');
    expect(text.startsWith('\uFEFFNuméro;Référence;')).toBe(true);
    const [row] = parse(text, { bom: true, columns: true, delimiter: ';' });
    expect(row).toMatchObject({
      Numéro: 'FA2026-00012',
      Référence: `'=cmd; "urgente"`,
      Échéance: '2026-11-01',
      'Montant TTC': '830,88',
      'Reste à payer': '498,53',
      Devise: 'EUR',
    });
  });

  it('writes English ones’: `,` and a decimal point', () => {
    const [row] = parse(invoicesCsv([invoice({ state: 'PAID' })], 'en'), {
      bom: true,
      columns: true,
    });
    expect(row).toMatchObject({ Number: 'FA2026-00012', State: 'PAID', Total: '830.88' });
  });
});
