import type { TFunction } from 'i18next';
import { gatewayError } from '@/lib/graphql-errors';
import { refusalMessage } from '@/lib/refusal-message';

/** A refused write in words: one message for the form, and one per invalid field. */
export interface WriteProblem {
  message: string | null;
  fields: Record<string, string>;
}

/**
 * The gateway's refusal of an address or contact write, for people: each invalid field by its
 * stable code (the server's message for a code this app does not know), the rest as every
 * form says it (`refusalMessage`).
 */
export function writeProblem(error: unknown, t: TFunction): WriteProblem {
  const { code, fieldErrors } = gatewayError(error);
  if (code === 'VALIDATION_FAILED' && fieldErrors?.length) {
    const fields: Record<string, string> = {};
    for (const e of fieldErrors) {
      fields[e.field] = t(`account.writes.codes.${e.code}`, { defaultValue: e.message });
    }
    return { message: t('account.writes.invalid'), fields };
  }
  const message = refusalMessage(error, t, {
    CONFLICT: 'account.writes.conflict',
    NOT_FOUND: 'account.writes.notFound',
    INVALID_STATE: 'account.writes.invalidState',
    THROTTLED: 'account.writes.throttled',
  });
  return { message, fields: {} };
}
