import { Decimal } from '@portal/tryton-client';
import { validationFailed } from '../errors.js';
import type { Invoice, OnlinePayment } from '../models.js';
import type { CustomerTryton } from '../tryton/customer-tryton.js';
import {
  INVOICE_ONLINE_PAYMENTS_METHOD,
  ONLINE_PAYMENT_CURRENCIES_METHOD,
  PAY_INVOICE_METHOD,
  payInvoiceParams,
  toCheckout,
  toCurrencies,
  toOnlinePayments,
} from '../tryton/online-payment.mapper.js';
import type { CustomerWrites } from '../writes/customer-writes.js';
import type { InvoicesService } from './invoices.service.js';

/** What starting an online payment gives: where to send the customer to pay. */
export interface StartedPayment {
  invoice: Invoice;
  paymentId: number;
  checkoutUrl: string;
  replayed: boolean;
}

/** An amount as the customer typed it: digits, an optional dot and decimals, nothing else. */
const AMOUNT = /^\d{1,12}(\.\d{1,12})?$/;

/**
 * Paying invoices online through Tryton's Stripe module: whether an invoice can be, the
 * online payments of an invoice, and starting one (a write through CustomerWrites).
 */
export class OnlinePaymentsService {
  /** The company's online currencies, asked once per request (and cached for the customer). */
  private currencies: Promise<string[]> | undefined;

  constructor(
    private readonly tryton: CustomerTryton,
    private readonly writes: CustomerWrites,
    private readonly invoices: InvoicesService,
  ) {}

  private onlineCurrencies(): Promise<string[]> {
    this.currencies ??= this.tryton
      .gatewayCall(ONLINE_PAYMENT_CURRENCIES_METHOD, 'invoices')
      .then(toCurrencies);
    return this.currencies;
  }

  /**
   * Whether the customer can pay `invoice` online now: it is posted, something is left to
   * pay, and the company has a Stripe account and journal in its currency in Tryton.
   */
  async canPay(invoice: Invoice): Promise<boolean> {
    if (invoice.state !== 'POSTED' || invoice.amountDue.amount.cmp('0') <= 0) return false;
    return (await this.onlineCurrencies()).includes(invoice.currency);
  }

  /**
   * The online payments of `invoice`, oldest first, with their state as Tryton knows it now:
   * never cached, since Stripe's webhooks change it in Tryton, not through the portal, while
   * the customer who just paid watches the invoice (one search, on the invoice's page only).
   */
  async payments(invoice: Invoice): Promise<OnlinePayment[]> {
    return toOnlinePayments(
      await this.tryton.gatewayCall(INVOICE_ONLINE_PAYMENTS_METHOD, null, [invoice.id]),
    );
  }

  /**
   * Starts paying `amount` of one of the customer's invoices online: Tryton creates the
   * payment and its Stripe checkout, once per idempotency key, and checks everything again
   * (the invoice is the customer's, posted, the amount at most what is left).
   */
  async pay(invoiceId: number, amount: string, idempotencyKey: string): Promise<StartedPayment> {
    const text = amount.trim();
    if (!AMOUNT.test(text)) {
      throw validationFailed([
        {
          field: 'amount',
          code: 'AMOUNT_NOT_A_NUMBER',
          message: 'The amount is a number with a dot before the decimals, e.g. 120.50.',
        },
      ]);
    }
    const done = await this.writes.run({
      operation: 'payInvoice',
      method: PAY_INVOICE_METHOD,
      params: payInvoiceParams(invoiceId, Decimal.from(text), idempotencyKey),
      areas: ['invoices'],
      what: 'The invoice',
      current: async () => {
        const invoice = await this.invoices.byId(invoiceId);
        return invoice ? { state: invoice.state } : null;
      },
    });
    const checkout = toCheckout(done);
    const invoice = await this.invoices.byId(invoiceId);
    if (!invoice) throw new Error('payInvoice: the invoice paid is not readable');
    return {
      invoice,
      paymentId: checkout.payment,
      checkoutUrl: checkout.url,
      replayed: done.replayed,
    };
  }
}
