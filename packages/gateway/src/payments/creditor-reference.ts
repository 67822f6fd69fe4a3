/**
 * ISO 11649 structured creditor references ("RF" references): `RF`, two check digits, then
 * the creditor's own reference in 1 to 21 letters and digits. European banks carry them
 * unchanged from the payer to the payee, so a transfer can be matched to its invoice without
 * reading free text. The check digits are ISO 7064 mod 97-10, as in an IBAN.
 */

const MAX_BODY = 21;

/** Letters count as 10 (A) to 35 (Z), digits as themselves; the remainder mod 97 of that number. */
export function mod97(text: string): number {
  let remainder = 0;
  for (const char of text) {
    const value = Number.parseInt(char, 36);
    if (Number.isNaN(value)) throw new RangeError(`not a letter or digit: ${char}`);
    // At most 96 followed by 2 digits: always a safe integer.
    remainder = (remainder * (value < 10 ? 10 : 100) + value) % 97;
  }
  return remainder;
}

/**
 * The RF reference of an invoice number: its letters and digits, upper-cased, behind `RF` and
 * the check digits; null when nothing or more than 21 characters are left (the invoice number
 * is then the reference alone).
 */
export function creditorReference(invoiceNumber: string): string | null {
  const body = invoiceNumber.toUpperCase().replace(/[^0-9A-Z]/g, '');
  if (body.length === 0 || body.length > MAX_BODY) return null;
  const check = 98 - mod97(`${body}RF00`);
  return `RF${String(check).padStart(2, '0')}${body}`;
}

/** True for a well-formed RF reference whose check digits are right (spaces allowed). */
export function isCreditorReference(reference: string): boolean {
  const compact = reference.replace(/ /g, '').toUpperCase();
  if (!/^RF\d{2}[0-9A-Z]{1,21}$/.test(compact)) return false;
  return mod97(`${compact.slice(4)}${compact.slice(0, 4)}`) === 1;
}

/** True for an IBAN whose check digits are right (spaces allowed). */
export function isIban(iban: string): boolean {
  const compact = iban.replace(/ /g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[0-9A-Z]{11,30}$/.test(compact)) return false;
  return mod97(`${compact.slice(4)}${compact.slice(0, 4)}`) === 1;
}
