import type { TFunction } from 'i18next';
import { gatewayError } from '@/lib/graphql-errors';

/** A refused write in words: one message for the form, and one per invalid field. */
export interface WriteProblem {
  message: string | null;
  fields: Record<string, string>;
}

/**
 * The gateway's refusal of an address or contact write, for people: each invalid field by its
 * stable code (the server's message for a code this app does not know), the rest by its code.
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
  const key =
    code === 'CONFLICT'
      ? 'account.writes.conflict'
      : code === 'NOT_FOUND'
        ? 'account.writes.notFound'
        : code === 'INVALID_STATE'
          ? 'account.writes.invalidState'
          : code === 'THROTTLED'
            ? 'account.writes.throttled'
            : 'auth.errors.unexpected';
  return { message: t(key), fields: {} };
}
