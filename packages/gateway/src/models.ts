import type { Decimal } from '@portal/tryton-client';
import type { Role, Scope } from './auth/permissions.js';

/**
 * The portal's own vocabulary, as the services hand it to the schema. Mappers in `tryton/`
 * build these from Tryton rows; nothing outside `tryton/` knows Tryton's field names.
 */

export interface Money {
  amount: Decimal;
  currency: string;
}

/** The signed-in customer, as the portal module describes the web user. */
export interface Customer {
  webUserId: number;
  email: string;
  emailValidated: boolean;
  partyId: number;
  partyName: string;
  /** The party and the secondary parties the web user acts for. */
  parties: number[];
  language: 'fr' | 'en';
  /** The member's role in its company account (issue 16). */
  role: Role;
  /** What this credential may do now: the role's scopes, or an API token's narrower ones. */
  scopes: Scope[];
}

/** ACTIVE: signed in at least once (has a password); INVITED: the link still works. */
export type MemberState = 'ACTIVE' | 'INVITED' | 'INVITATION_EXPIRED';

/** A person of the customer's company account, or an invitation (issue 16). */
export interface Member {
  /** The web user's id. */
  id: number;
  email: string;
  role: Role;
  state: MemberState;
  /** Who invited them (an e-mail); null for the account's first member. */
  invitedBy: string | null;
  /** The administrator who last changed their role; null when nobody did on the portal. */
  roleChangedBy: Author | null;
  /** When the invitation's link stops working; null once accepted. */
  invitationExpiresAt: Date | null;
  createdAt: Date | null;
}

export type OrderState =
  | 'REQUESTED'
  | 'QUOTATION'
  | 'CONFIRMED'
  | 'PROCESSING'
  | 'DONE'
  | 'CANCELLED';
export type OrderInvoiceState = 'NONE' | 'WAITING' | 'AWAITING_PAYMENT' | 'PAID' | 'EXCEPTION';
export type OrderShipmentState = 'NONE' | 'WAITING' | 'SENT' | 'EXCEPTION';
export type InvoiceState = 'POSTED' | 'PAID' | 'CANCELLED';

/** The member who made a self-service write (issue 16), as the ERP recorded it. */
export interface Author {
  email: string;
}

export interface Order {
  id: number;
  number: string;
  reference: string | null;
  description: string | null;
  state: OrderState;
  date: string | null;
  untaxedAmount: Money;
  taxAmount: Money;
  totalAmount: Money;
  invoiceState: OrderInvoiceState;
  shipmentState: OrderShipmentState;
  invoiceAddressId: number | null;
  shipmentAddressId: number | null;
  lineIds: number[];
  invoiceIds: number[];
  shipmentIds: number[];
  currency: string;
  /** Opaque; sent back with a write, which is refused (CONFLICT) if the order changed since. */
  version: string;
  /** The member who requested it (a re-order), accepted or declined it on the portal. */
  requestedBy: Author | null;
  acceptedBy: Author | null;
  declinedBy: Author | null;
}

/** A catalogue product, as a line of the customer names it. */
export interface Product {
  id: number;
  name: string;
  code: string | null;
}

export interface Line {
  id: number;
  product: Product | null;
  description: string;
  quantity: number;
  unit: string | null;
  unitPrice: Money | null;
  amount: Money | null;
  taxes: string[];
}

export interface Invoice {
  id: number;
  number: string;
  reference: string | null;
  state: InvoiceState;
  date: string | null;
  dueDate: string | null;
  overdue: boolean;
  untaxedAmount: Money;
  taxAmount: Money;
  totalAmount: Money;
  amountDue: Money;
  lineIds: number[];
  taxIds: number[];
  orderIds: number[];
  currency: string;
}

export interface InvoiceTax {
  description: string;
  base: Money;
  amount: Money;
}

export interface Shipment {
  id: number;
  number: string | null;
  state: string;
  plannedDate: string | null;
  effectiveDate: string | null;
}

export interface Address {
  id: number;
  name: string | null;
  fullAddress: string;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  country: string | null;
  /** ISO 3166-1 alpha-2, as the write inputs take it. */
  countryCode: string | null;
  subdivision: string | null;
  /** ISO 3166-2 ("FR-69"). */
  subdivisionCode: string | null;
  /** Tryton's flag: the address may be used for deliveries (invoices). */
  delivery: boolean;
  invoice: boolean;
  /** The write date, for the writes' version check (tryton/version.ts). */
  version: string;
  /** The last member who added or changed it on the portal. */
  changedBy: Author | null;
}

export interface ContactMechanism {
  id: number;
  type: string;
  value: string;
  name: string | null;
  /** The write date, for the writes' version check (tryton/version.ts). */
  version: string;
  /** The last member who added or changed it on the portal. */
  changedBy: Author | null;
}

/** Where a complaint stands: filed, accepted or refused by the company, resolved, withdrawn. */
export type ComplaintState = 'SUBMITTED' | 'ACCEPTED' | 'REJECTED' | 'RESOLVED' | 'CANCELLED';

/** A problem the customer reported on an order or one of its lines. */
export interface Complaint {
  id: number;
  number: string | null;
  state: ComplaintState;
  typeName: string;
  description: string;
  /** The order line it is about; null: about the whole order. */
  lineId: number | null;
  /** The company's answer to the customer, once written. */
  answer: string | null;
  date: string | null;
  createdAt: Date | null;
  updatedAt: Date | null;
  /** The member who filed it on the portal. */
  filedBy: Author | null;
}

/** A kind of problem a customer may report: about the whole order, or about some lines. */
export interface ComplaintType {
  id: number;
  name: string;
  target: 'ORDER' | 'LINES';
}

export type DocumentKind = 'INVOICE_PDF' | 'ATTACHMENT';

export interface Document {
  /** `invoice-<id>` or `attachment-<id>`. */
  key: string;
  name: string;
  kind: DocumentKind;
  date: Date | null;
  size: number | null;
  contentType: string;
  relatedTo: string | null;
  /** The order, invoice or account it belongs to; its number is read when asked for. */
  related: RelatedRecord | null;
}

export type RecordKind = 'ORDER' | 'INVOICE' | 'ACCOUNT';

/** A record a document belongs to: its kind, its id and, when already known, its number. */
export interface RelatedRecord {
  kind: RecordKind;
  id: number;
  number?: string | null;
}

export interface ApiToken {
  id: number;
  name: string;
  createdAt: Date | null;
  lastUsedAt: Date | null;
  /** The scopes chosen at its creation; null: its creator's role, whatever it becomes. */
  scopes: Scope[] | null;
}

export interface MonthlyAmount {
  month: string;
  amount: Money;
}

/** The account the company is paid into by transfer. */
export interface BankAccount {
  holder: string;
  iban: string;
  bic: string | null;
  /** ISO 4217 code, or null when the account takes any currency. */
  currency: string | null;
}

/** How to pay an invoice by transfer. */
export interface Transfer {
  holder: string;
  iban: string;
  bic: string | null;
  /** The invoice number. */
  reference: string;
  /** ISO 11649 RF reference made from the invoice number. */
  creditorReference: string | null;
  amount: Money;
  /** EPC069-12 QR code text. */
  epcPayload: string;
}

/** Where an online payment stands, as Tryton knows it from Stripe. */
export type OnlinePaymentState = 'PROCESSING' | 'SUCCEEDED' | 'FAILED';

/** A payment the customer started online (Stripe), on one invoice. */
export interface OnlinePayment {
  id: number;
  amount: Money;
  state: OnlinePaymentState;
  date: string | null;
  /** The member who paid it on the portal; null when the company's staff made it. */
  paidBy: Author | null;
}

/** A payment recorded on an invoice. */
export interface Payment {
  id: number;
  date: string | null;
  amount: Money;
  method: string | null;
  description: string | null;
}
