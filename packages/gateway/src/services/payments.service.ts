import type { RecordLoaders } from '../loaders/record.loader.js';
import type { BankAccount, Invoice, Payment, Transfer } from '../models.js';
import { MAX_NESTED_LIST, nested } from '../pagination.js';
import { creditorReference, isIban } from '../payments/creditor-reference.js';
import { epcPayload } from '../payments/epc-payload.js';
import { qrSvg } from '../payments/qr-svg.js';
import { COMPANY_BANK_ACCOUNT_METHOD, toBankAccount } from '../tryton/bank-account.mapper.js';
import type { CustomerTryton } from '../tryton/customer-tryton.js';
import { INVOICE_MODEL } from '../tryton/invoice.mapper.js';
import {
  INVOICE_PAYMENT_FIELDS,
  PAYMENT_LINE_FIELDS,
  PAYMENT_LINE_MODEL,
  paymentLineIds,
  toPayment,
} from '../tryton/payment-line.mapper.js';

/** EPC QR codes are for euro transfers only (SEPA). */
const TRANSFER_CURRENCY = 'EUR';

/** How the customer pays an invoice, and what it has paid. */
export class PaymentsService {
  /** The company's account, asked once per request (and cached for the customer). */
  private bankAccount: Promise<BankAccount | null> | undefined;

  constructor(
    private readonly tryton: CustomerTryton,
    private readonly loaders: RecordLoaders,
  ) {}

  private companyBankAccount(): Promise<BankAccount | null> {
    this.bankAccount ??= this.tryton
      .gatewayCall(COMPANY_BANK_ACCOUNT_METHOD, 'invoices')
      .then(toBankAccount);
    return this.bankAccount;
  }

  /**
   * What the customer needs to pay `invoice` by transfer, or null when there is nothing to
   * pay that way: the invoice is paid or cancelled, nothing is left to pay, it is not in
   * euros, or the company has no euro account with a valid IBAN in Tryton.
   */
  async transfer(invoice: Invoice): Promise<Transfer | null> {
    const amount = invoice.amountDue.amount;
    if (invoice.state !== 'POSTED' || amount.cmp('0') <= 0) return null;
    if (invoice.currency !== TRANSFER_CURRENCY) return null;
    const account = await this.companyBankAccount();
    if (!account || !isIban(account.iban)) return null;
    if (account.currency !== null && account.currency !== TRANSFER_CURRENCY) return null;
    const structured = creditorReference(invoice.number);
    const payload = epcPayload({
      bic: account.bic,
      name: account.holder,
      iban: account.iban,
      amount,
      structuredReference: structured,
      text: invoice.number,
    });
    if (payload === null) return null;
    return {
      holder: account.holder,
      iban: account.iban,
      bic: account.bic,
      reference: invoice.number,
      creditorReference: structured,
      amount: invoice.amountDue,
      epcPayload: payload,
    };
  }

  /** The transfer's EPC QR code as SVG. */
  async qrSvg(transfer: Transfer): Promise<string> {
    return await qrSvg(transfer.epcPayload);
  }

  /** The payments Tryton recorded on `invoice`, oldest first: its first `first`. */
  async payments(invoice: Invoice, first: number): Promise<Payment[]> {
    const [row] = await this.loaders.load(INVOICE_MODEL, INVOICE_PAYMENT_FIELDS, [invoice.id]);
    if (!row) return [];
    const rows = await this.loaders.load(
      PAYMENT_LINE_MODEL,
      PAYMENT_LINE_FIELDS,
      nested(paymentLineIds(row), MAX_NESTED_LIST),
    );
    const payments = rows
      .map((r) => toPayment(r, invoice.currency))
      .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.id - b.id);
    return nested(payments, first);
  }
}
