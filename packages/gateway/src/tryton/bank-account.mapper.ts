import type { BankAccount } from '../models.js';
import { text } from './values.js';

/**
 * The portal module's `portal.gateway.company_bank_account` (docs/development.md): the account
 * customers pay the company into, for the customer of the call's context only.
 */
export const COMPANY_BANK_ACCOUNT_METHOD = 'company_bank_account';

/** The module's answer (an RPC answer, not a read: each value is still checked). */
interface BankAccountRow {
  holder: string;
  iban: string;
  bic: string | null;
  currency: string | null;
}

export function toBankAccount(result: unknown): BankAccount | null {
  if (!result || typeof result !== 'object') return null;
  const row = result as Partial<BankAccountRow>;
  const holder = text(row.holder);
  const iban = text(row.iban);
  if (!holder || !iban) return null;
  return { holder, iban, bic: text(row.bic), currency: text(row.currency) };
}
