import { Decimal } from '@portal/tryton-client';
import { describe, expect, it } from 'vitest';
import type { RecordLoaders } from '../loaders/record.loader.js';
import type { Invoice } from '../models.js';
import { isCreditorReference } from '../payments/creditor-reference.js';
import type { CustomerTryton } from '../tryton/customer-tryton.js';
import { PaymentsService } from './payments.service.js';

const ACCOUNT = {
  holder: 'Comptoir Lyonnais SARL',
  iban: 'FR7630006000011234567890189',
  bic: 'AGRIFRPP',
  currency: 'EUR',
};

function invoice(changes: Partial<Invoice> = {}): Invoice {
  const eur = (amount: string) => ({ amount: Decimal.from(amount), currency: 'EUR' });
  return {
    id: 1,
    number: 'FA2026-00012',
    reference: null,
    state: 'POSTED',
    date: '2026-10-01',
    dueDate: '2026-10-31',
    overdue: false,
    untaxedAmount: eur('692.40'),
    taxAmount: eur('138.48'),
    totalAmount: eur('830.88'),
    amountDue: eur('498.53'),
    lineIds: [],
    taxIds: [],
    orderIds: [],
    currency: 'EUR',
    ...changes,
  };
}

/** A service whose Tryton answers `company_bank_account` with `account`, counting the calls. */
function service(account: unknown = ACCOUNT) {
  const calls: string[] = [];
  const tryton = {
    gatewayCall: async (method: string) => {
      calls.push(method);
      return account;
    },
  } as unknown as CustomerTryton;
  return { payments: new PaymentsService(tryton, {} as RecordLoaders), calls };
}

describe('PaymentsService.transfer', () => {
  it('pays what is left into the company account, with the RF reference of the number', async () => {
    const { payments, calls } = service();
    const transfer = await payments.transfer(invoice());
    expect(transfer).toMatchObject({
      holder: ACCOUNT.holder,
      iban: ACCOUNT.iban,
      bic: ACCOUNT.bic,
      reference: 'FA2026-00012',
      amount: { amount: Decimal.from('498.53'), currency: 'EUR' },
    });
    expect(isCreditorReference(transfer?.creditorReference ?? '')).toBe(true);
    expect(transfer?.epcPayload.split('\n')[7]).toBe('EUR498.53');
    // The account is asked once per request, however many invoices.
    await payments.transfer(invoice({ id: 2, number: 'FA2026-00013' }));
    expect(calls).toEqual(['company_bank_account']);
  });

  it.each([
    ['paid', invoice({ state: 'PAID' })],
    ['cancelled', invoice({ state: 'CANCELLED' })],
    ['nothing left', invoice({ amountDue: { amount: Decimal.from('0'), currency: 'EUR' } })],
    ['overpaid', invoice({ amountDue: { amount: Decimal.from('-10'), currency: 'EUR' } })],
    [
      'not in euros',
      invoice({ currency: 'USD', amountDue: { amount: Decimal.from('5'), currency: 'USD' } }),
    ],
  ])('gives none for an invoice %s', async (_, value) => {
    expect(await service().payments.transfer(value)).toBeNull();
  });

  it.each([
    ['no account', null],
    ['an account in another currency', { ...ACCOUNT, currency: 'CHF' }],
    ['an IBAN with wrong check digits', { ...ACCOUNT, iban: 'FR7630006000011234567890188' }],
  ])('gives none when the company has %s', async (_, account) => {
    expect(await service(account).payments.transfer(invoice())).toBeNull();
  });

  it('takes an account without currency and without BIC', async () => {
    const { payments } = service({ ...ACCOUNT, currency: null, bic: null });
    const transfer = await payments.transfer(invoice());
    expect(transfer?.bic).toBeNull();
    expect(transfer?.epcPayload.split('\n')[4]).toBe('');
  });
});
