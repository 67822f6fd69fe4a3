import type { Decimal } from '@portal/tryton-client';

/**
 * The payload of the European Payments Council's "SEPA credit transfer" QR code (EPC069-12,
 * version 002, the "GiroCode" banking apps scan): one field per line, in this order.
 */
export interface EpcTransfer {
  /** The beneficiary's BIC; optional in version 002 within the EEA. */
  bic: string | null;
  /** The beneficiary's name (70 characters at most: longer is cut). */
  name: string;
  iban: string;
  /** In euros, 0.01 to 999999999.99, at most 2 decimals. */
  amount: Decimal;
  /** An ISO 11649 RF reference, or null to send `text` instead. */
  structuredReference: string | null;
  /** The remittance text when there is no structured reference (140 characters at most). */
  text: string | null;
}

/** EPC069-12's limits. */
const NAME_MAX = 70;
const TEXT_MAX = 140;
const PAYLOAD_MAX_BYTES = 331;
const AMOUNT_MIN = '0.01';
const AMOUNT_MAX = '999999999.99';

function cut(value: string, max: number): string {
  return [...value.replace(/[\r\n]+/g, ' ').trim()].slice(0, max).join('');
}

/**
 * The payload text, or null when the transfer cannot be put in an EPC QR code (an amount out of
 * range, a payload too long). Fields are separated by LF; trailing empty fields are left out, as
 * the standard allows. The character set is 1 (UTF-8), the purpose code is left empty (optional;
 * a code an app does not know can make it refuse the whole code), and the structured reference
 * and the text exclude each other.
 */
export function epcPayload(transfer: EpcTransfer): string | null {
  const amount = transfer.amount;
  if (amount.cmp(AMOUNT_MIN) < 0 || amount.cmp(AMOUNT_MAX) > 0) return null;
  if (!amount.equals(amount.toFixed(2))) return null;
  const fields = [
    'BCD',
    '002',
    '1',
    'SCT',
    transfer.bic?.replace(/ /g, '').toUpperCase() ?? '',
    cut(transfer.name, NAME_MAX),
    transfer.iban.replace(/ /g, '').toUpperCase(),
    `EUR${amount.toFixed(2)}`,
    '',
    transfer.structuredReference ?? '',
    transfer.structuredReference ? '' : cut(transfer.text ?? '', TEXT_MAX),
  ];
  while (fields.at(-1) === '') fields.pop();
  const payload = fields.join('\n');
  return new TextEncoder().encode(payload).length <= PAYLOAD_MAX_BYTES ? payload : null;
}
