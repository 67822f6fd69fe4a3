import { useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/alert';
import { Checkbox } from '@/components/checkbox';
import { Field } from '@/components/field';
import { DateText } from '@/components/format';
import { graphql } from '@/gql';
import type { ApiTokenItem_TokenFragment, Scope } from '@/gql/graphql';
import { gatewayError } from '@/lib/graphql-errors';
import { refusalMessage } from '@/lib/refusal-message';
import { useCreateApiToken } from '../api/use-create-api-token';
import { useRevokeApiToken } from '../api/use-revoke-api-token';

export const ApiTokenItemFragment = graphql(`
  fragment ApiTokenItem_token on ApiToken {
    id
    name
    scopes
    createdAt
    lastUsedAt
  }
`);

/**
 * Tokens let a customer's own software (accounting, ERP) read the same API. The secret is shown
 * once, right after creation: the gateway stores only its hash. A token may do less than the
 * member's role (issue 16): one checkbox per scope the role has, all checked at first; all
 * checked, the token follows the role (no `scopes` sent), else it holds the checked ones only.
 */
export function ApiTokens({
  customerId,
  tokens,
  scopes,
}: {
  customerId: string;
  tokens: ApiTokenItem_TokenFragment[];
  /** The member's own scopes: a token cannot be given more. */
  scopes: readonly Scope[];
}) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<ReadonlySet<Scope>>(() => new Set(scopes));
  const [noScope, setNoScope] = useState(false);
  const toggle = (scope: Scope, checked: boolean) => {
    const next = new Set(chosen);
    if (checked) next.add(scope);
    else next.delete(scope);
    setChosen(next);
    if (next.size > 0) setNoScope(false);
  };
  const [create] = useCreateApiToken(customerId);
  const [revoke] = useRevokeApiToken();
  const [secret, setSecret] = useState<{ name: string; token: string } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const secretRef = useRef<HTMLInputElement>(null);
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors, isSubmitting },
  } = useForm({ defaultValues: { name: '' } });

  const onSubmit = handleSubmit(async ({ name }) => {
    setFailure(null);
    const picked = scopes.filter((s) => chosen.has(s));
    if (picked.length === 0) return setNoScope(true);
    try {
      const { data } = await create(name, picked.length === scopes.length ? undefined : picked);
      if (data) {
        setSecret({ name: data.createApiToken.apiToken.name, token: data.createApiToken.token });
        reset();
        setChosen(new Set(scopes));
        requestAnimationFrame(() => secretRef.current?.select());
      }
    } catch (error) {
      const { code, limit } = gatewayError(error);
      setFailure(
        code === 'TOO_MANY_API_TOKENS'
          ? t('account.tokens.tooMany', { count: limit ?? 0 })
          : refusalMessage(error, t),
      );
    }
  });

  const onRevoke = async (token: ApiTokenItem_TokenFragment) => {
    if (!window.confirm(t('account.tokens.confirmRevoke', { name: token.name }))) return;
    setFailure(null);
    await revoke(token.id).catch((error: unknown) => setFailure(refusalMessage(error, t)));
  };

  return (
    <div className="tokens">
      <p className="muted">{t('account.tokens.intro')}</p>
      {failure && <Alert tone="error">{failure}</Alert>}
      {secret && (
        <Alert tone="success">
          <p>{t('account.tokens.created', { name: secret.name })}</p>
          <label className="visually-hidden" htmlFor="new-token">
            {t('account.tokens.secret')}
          </label>
          <div className="token-copy">
            <input
              id="new-token"
              className="token-secret"
              ref={secretRef}
              readOnly
              value={secret.token}
            />
            <CopyButton text={secret.token} />
          </div>
        </Alert>
      )}
      {tokens.length === 0 ? (
        <p className="muted">{t('account.tokens.none')}</p>
      ) : (
        <ul className="mini-list">
          {tokens.map((token) => (
            <li key={token.id}>
              <div>
                <strong>{token.name}</strong>
                <span className="muted small">
                  {t('account.tokens.createdAt')} <DateText value={token.createdAt} /> ·{' '}
                  {t('account.tokens.lastUsed')} <DateText value={token.lastUsedAt} />
                </span>
                {token.scopes && (
                  <span className="muted small">
                    {t('account.tokens.scopesOf', {
                      scopes: token.scopes.map((s) => t(`account.tokens.scopes.${s}`)).join(', '),
                    })}
                  </span>
                )}
              </div>
              <button type="button" className="btn btn-secondary" onClick={() => onRevoke(token)}>
                {t('account.tokens.revoke')}
                <span className="visually-hidden"> {token.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="form form-inline" onSubmit={onSubmit} noValidate>
        <Field
          label={t('account.tokens.name')}
          hint={t('account.tokens.nameHint')}
          error={errors.name?.message}
          {...register('name', { required: t('common.required') })}
        />
        {scopes.length > 0 && (
          <fieldset className="token-scopes" aria-describedby="token-scopes-hint">
            <legend>{t('account.tokens.scopesLegend')}</legend>
            <p id="token-scopes-hint" className="field-hint">
              {t('account.tokens.scopesHint')}
            </p>
            {scopes.map((scope) => (
              <Checkbox
                key={scope}
                name="scopes"
                value={scope}
                label={t(`account.tokens.scopes.${scope}`)}
                checked={chosen.has(scope)}
                onChange={(event) => toggle(scope, event.target.checked)}
              />
            ))}
            {noScope && (
              <p className="field-error" role="alert">
                {t('account.tokens.scopesNone')}
              </p>
            )}
          </fieldset>
        )}
        <button type="submit" className="btn btn-secondary" disabled={isSubmitting}>
          {t('account.tokens.create')}
        </button>
      </form>
    </div>
  );
}

/** Copies the new token to the clipboard, and says so (the token is shown only once). */
function CopyButton({ text }: { text: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <>
      <button type="button" className="btn btn-secondary" onClick={copy}>
        {t('account.tokens.copy')}
      </button>
      <span className="token-copy-status" role="status">
        {state === 'copied' && t('account.tokens.copied')}
        {state === 'failed' && t('account.tokens.copyFailed')}
      </span>
    </>
  );
}
