import type { TFunction } from 'i18next';
import type { Role } from '@/gql/graphql';
import { type GatewayError, gatewayError } from './graphql-errors';

/**
 * What the member's role does not allow (FORBIDDEN), naming the role: "Votre rôle (Acheteur)
 * ne permet pas ceci." The pages (`ForbiddenState`) and the forms say it in these words.
 */
export function forbiddenMessage(t: TFunction, role: Role | undefined): string {
  return role
    ? t('common.forbiddenRole', { role: t(`team.roles.${role}`) })
    : t('common.forbiddenNoRole');
}

/** A form's own message (its translation key) for each gateway code it expects. */
export type RefusalKeys = Partial<Record<GatewayError['code'], string>>;

/**
 * A form's refused submission in words, the same rule for every form. FORBIDDEN (the role was
 * changed since the page was shown) as the pages say it, and that the member is still signed
 * in; a code the form expects, by its key; anything else, the generic error.
 */
export function refusalMessage(error: unknown, t: TFunction, keys: RefusalKeys = {}): string {
  const { code, role } = gatewayError(error);
  if (code === 'FORBIDDEN') return `${forbiddenMessage(t, role)} ${t('common.forbiddenHint')}`;
  return t(keys[code] ?? 'auth.errors.unexpected');
}
