import type { Context, TrytonClient } from '@portal/tryton-client';
import { COMPANY_BANK_ACCOUNT } from './catalogue.js';

/**
 * The company's bank account (module bank): its bank, with a BIC, and the account with its
 * IBAN, owned by the company's party, in euros.
 */
export async function companyBankAccount(
  client: TrytonClient,
  companyParty: number,
  eur: number,
  ctx: Context,
): Promise<number> {
  const [bankParty] = await client
    .model('party.party')
    .create([{ name: COMPANY_BANK_ACCOUNT.bankName }], { context: ctx });
  const [bank] = await client
    .model('bank')
    .create([{ party: bankParty, bic: COMPANY_BANK_ACCOUNT.bic }], { context: ctx });
  const [account] = await client.model('bank.account').create(
    [
      {
        bank,
        currency: eur,
        owners: [['add', [companyParty]]],
        numbers: [['create', [{ type: 'iban', number: COMPANY_BANK_ACCOUNT.iban }]]],
      },
    ],
    { context: ctx },
  );
  if (account === undefined) throw new Error('demo seed: bank account not created');
  return account;
}

/**
 * The journal the demo's payments are booked in is Tryton's default cash journal: named for
 * what the demo's payments are, bank transfers, in both languages (the portal shows it as the
 * payment's method).
 */
export async function nameBankJournal(
  client: TrytonClient,
  journal: number,
  ctx: Context,
): Promise<void> {
  const journals = client.model('account.journal');
  await journals.write([journal], { name: 'Bank' }, { context: { ...ctx, language: 'en' } });
  await journals.write([journal], { name: 'Banque' }, { context: { ...ctx, language: 'fr' } });
}
