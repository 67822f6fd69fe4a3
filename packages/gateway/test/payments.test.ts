import { COMPANY, COMPANY_BANK_ACCOUNT } from '@portal/demo-data';
import { Decimal } from '@portal/tryton-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCreditorReference } from '../src/payments/creditor-reference.js';
import { ok } from './support/customer-view.js';
import { type GraphQLSession, startStack, type TestStack } from './support/stack.js';

const MONEY = 'amount currency';
const INVOICES = `query { viewer { invoices(first: 100) { edges { node {
  id number state totalAmount { ${MONEY} } amountDue { ${MONEY} } } } } } }`;
const PAYMENT = `query ($number: String!) { viewer { invoice(number: $number) {
  id number state amountDue { ${MONEY} }
  transfer { holder iban bic reference creditorReference amount { ${MONEY} } epcPayload qrSvg }
  payments { date amount { ${MONEY} } method description } } } }`;
const BY_NODE = `query ($id: ID!) { node(id: $id) { ... on Invoice {
  number transfer { iban } payments { amount { amount } } } } }`;

interface Money {
  amount: string;
  currency: string;
}
interface Row {
  id: string;
  number: string;
  state: string;
  totalAmount: Money;
  amountDue: Money;
}
interface Paid {
  viewer: {
    invoice: {
      number: string;
      state: string;
      amountDue: Money;
      transfer: {
        holder: string;
        iban: string;
        bic: string | null;
        reference: string;
        creditorReference: string | null;
        amount: Money;
        epcPayload: string;
        qrSvg: string;
      } | null;
      payments: {
        date: string;
        amount: Money;
        method: string | null;
        description: string | null;
      }[];
    } | null;
  };
}

describe('paying invoices: transfer details and payment history', () => {
  let stack: TestStack;
  let marie: GraphQLSession;
  let jean: GraphQLSession;
  let invoices: Row[];

  beforeAll(async () => {
    stack = await startStack();
    const { customers } = stack.tryton;
    marie = stack.session();
    jean = stack.session();
    await marie.login(customers.marie.email, customers.marie.password);
    await jean.login(customers.jean.email, customers.jean.password);
    const list = ok(
      await marie.query<{ viewer: { invoices: { edges: { node: Row }[] } } }>(INVOICES),
    );
    invoices = list.viewer.invoices.edges.map((e) => e.node);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const paymentOf = async (session: GraphQLSession, number: string) =>
    ok(await session.query<Paid>(PAYMENT, { number })).viewer.invoice;

  it('gives the partly paid invoice its transfer details, EPC payload and history', async () => {
    const partly = invoices.find(
      (i) => i.state === 'POSTED' && i.amountDue.amount !== i.totalAmount.amount,
    );
    if (!partly) throw new Error('the demo has no partly paid invoice');
    expect(partly.totalAmount.amount).toBe('830.88');
    const invoice = await paymentOf(marie, partly.number);
    const transfer = invoice?.transfer;
    if (!invoice || !transfer) throw new Error('no transfer details');
    expect(invoice.amountDue).toEqual({ amount: '498.53', currency: 'EUR' });
    expect(transfer).toMatchObject({
      holder: COMPANY.name,
      iban: COMPANY_BANK_ACCOUNT.iban.replace(/ /g, ''),
      bic: COMPANY_BANK_ACCOUNT.bic,
      reference: partly.number,
      amount: { amount: '498.53', currency: 'EUR' },
    });
    const creditorReference = transfer.creditorReference ?? '';
    expect(isCreditorReference(creditorReference)).toBe(true);
    expect(creditorReference.slice(4)).toBe(partly.number.replace(/[^0-9A-Z]/gi, ''));
    expect(transfer.epcPayload).toBe(
      [
        'BCD',
        '002',
        '1',
        'SCT',
        COMPANY_BANK_ACCOUNT.bic,
        COMPANY.name,
        COMPANY_BANK_ACCOUNT.iban.replace(/ /g, ''),
        'EUR498.53',
        '',
        creditorReference,
      ].join('\n'),
    );
    expect(transfer.qrSvg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox=/);

    expect(invoice.payments).toHaveLength(1);
    const [payment] = invoice.payments;
    expect(payment).toMatchObject({
      amount: { amount: '332.35', currency: 'EUR' },
      method: 'Banque',
      description: 'Virement reçu',
    });
    expect(payment?.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const paid = invoice.payments.reduce((sum, p) => sum.add(p.amount.amount), Decimal.from('0'));
    expect(paid.add(invoice.amountDue.amount).toFixed(2)).toBe('830.88');
  });

  it('gives paid invoices no transfer and the payments that settled them', async () => {
    const paidOnes = invoices.filter((i) => i.state === 'PAID');
    expect(paidOnes.length).toBeGreaterThan(0);
    for (const row of paidOnes) {
      const invoice = await paymentOf(marie, row.number);
      expect(invoice?.transfer).toBeNull();
      const paid = (invoice?.payments ?? []).reduce(
        (sum, p) => sum.add(p.amount.amount),
        Decimal.from('0'),
      );
      expect(paid.toFixed(2)).toBe(Decimal.from(row.totalAmount.amount).toFixed(2));
      expect(invoice?.payments.every((p) => p.method === 'Banque')).toBe(true);
    }
  });

  it('gives unpaid invoices a transfer of what is left and no payment yet', async () => {
    const unpaid = invoices.filter(
      (i) => i.state === 'POSTED' && i.amountDue.amount === i.totalAmount.amount,
    );
    expect(unpaid.length).toBeGreaterThan(0);
    for (const row of unpaid) {
      const invoice = await paymentOf(marie, row.number);
      expect(invoice?.transfer?.amount).toEqual(row.amountDue);
      expect(invoice?.transfer?.epcPayload).toContain(`\nEUR${row.amountDue.amount}\n`);
      expect(invoice?.payments).toEqual([]);
    }
  });

  it('shows another customer neither the transfer nor the payments of an invoice', async () => {
    for (const row of invoices) {
      expect(await paymentOf(jean, row.number)).toBeNull();
      const byNode = await jean.query<{ node: unknown }>(BY_NODE, { id: row.id });
      expect(byNode.data?.node ?? null).toBeNull();
    }
    // Jean's own invoices carry his payments: with what is left, they make each total.
    const jeans = ok(
      await jean.query<{ viewer: { invoices: { edges: { node: Row }[] } } }>(INVOICES),
    );
    const open = jeans.viewer.invoices.edges
      .map((e) => e.node)
      .filter((i) => i.state !== 'CANCELLED');
    expect(open.length).toBeGreaterThan(0);
    for (const row of open) {
      const invoice = await paymentOf(jean, row.number);
      const paid = (invoice?.payments ?? []).reduce(
        (sum, p) => sum.add(p.amount.amount),
        Decimal.from('0'),
      );
      expect(paid.add(row.amountDue.amount).toFixed(2)).toBe(
        Decimal.from(row.totalAmount.amount).toFixed(2),
      );
    }
  });

  it('shows nothing without a session (the viewer is null)', async () => {
    const anonymous = stack.session();
    const result = await anonymous.query<Paid>(PAYMENT, { number: invoices[0]?.number ?? '' });
    expect(result.errors).toBeUndefined();
    expect(result.data?.viewer ?? null).toBeNull();
  });
});
