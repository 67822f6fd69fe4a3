import { Decimal } from '@portal/tryton-client';
import { describe, expect, it } from 'vitest';
import { type EpcTransfer, epcPayload } from './epc-payload.js';

const transfer: EpcTransfer = {
  bic: 'AGRIFRPP',
  name: 'Comptoir Lyonnais SARL',
  iban: 'FR76 3000 6000 0112 3456 7890 189',
  amount: Decimal.from('498.53'),
  structuredReference: 'RF18539007547034',
  text: 'FA2026-00012',
};

describe('EPC QR payload (EPC069-12)', () => {
  it('writes the fields in order, the structured reference instead of the text', () => {
    expect(epcPayload(transfer)).toBe(
      [
        'BCD',
        '002',
        '1',
        'SCT',
        'AGRIFRPP',
        'Comptoir Lyonnais SARL',
        'FR7630006000011234567890189',
        'EUR498.53',
        '',
        'RF18539007547034',
      ].join('\n'),
    );
  });

  it('puts the text in the last field when there is no structured reference', () => {
    const payload = epcPayload({ ...transfer, structuredReference: null, bic: null });
    expect(payload?.split('\n')).toEqual([
      'BCD',
      '002',
      '1',
      'SCT',
      '',
      'Comptoir Lyonnais SARL',
      'FR7630006000011234567890189',
      'EUR498.53',
      '',
      '',
      'FA2026-00012',
    ]);
  });

  it('writes the amount with two decimals, never through a float', () => {
    expect(epcPayload({ ...transfer, amount: Decimal.from('830.8') })).toContain('\nEUR830.80\n');
    expect(epcPayload({ ...transfer, amount: Decimal.from('999999999.99') })).toContain(
      '\nEUR999999999.99\n',
    );
  });

  it('gives none for amounts the standard does not allow', () => {
    for (const amount of ['0', '0.001', '-5', '1000000000.00', '12.345']) {
      expect(epcPayload({ ...transfer, amount: Decimal.from(amount) })).toBeNull();
    }
  });

  it('cuts the name to 70 characters and keeps line breaks out of fields', () => {
    const payload = epcPayload({ ...transfer, name: `Épicerie\n${'é'.repeat(80)}` });
    const name = payload?.split('\n')[5] ?? '';
    expect([...name]).toHaveLength(70);
    expect(name.startsWith('Épicerie ')).toBe(true);
  });
});
