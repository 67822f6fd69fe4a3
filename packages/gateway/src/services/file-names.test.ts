import { describe, expect, it } from 'vitest';
import { invoiceFileName } from './file-names.js';

describe('invoiceFileName', () => {
  it('names the PDF in the customer’s language', () => {
    expect(invoiceFileName('FA2026-00019', 'fr')).toBe('Facture FA2026-00019.pdf');
    expect(invoiceFileName('FA2026-00019', 'en')).toBe('Invoice FA2026-00019.pdf');
    expect(invoiceFileName('FA1', 'en', 'odt')).toBe('Invoice FA1.odt');
  });
});
