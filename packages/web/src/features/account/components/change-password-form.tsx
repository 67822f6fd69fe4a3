import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/alert';
import { Checkbox } from '@/components/checkbox';
import { Field } from '@/components/field';
import { NewPasswordFields } from '@/components/new-password-fields';
import { gatewayError } from '@/lib/graphql-errors';
import { refusalMessage } from '@/lib/refusal-message';
import { useChangePassword } from '../api/use-change-password';

interface Values {
  current: string;
  next: string;
  confirm: string;
  revokeTokens: boolean;
}

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const [changePassword] = useChangePassword();
  const [result, setResult] = useState<{ tone: 'success' | 'error'; messages: string[] } | null>(
    null,
  );
  const form = useForm<Values>({
    defaultValues: { current: '', next: '', confirm: '', revokeTokens: false },
  });
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = form;

  const onSubmit = handleSubmit(async ({ current, next, revokeTokens }) => {
    setResult(null);
    try {
      const { data } = await changePassword(current, next, revokeTokens);
      const outcome = data?.changePassword;
      reset();
      // What the change ended and what it kept, so that the customer knows whether software
      // using an API token still has access (docs/security.md, "credentials").
      setResult({
        tone: 'success',
        messages: [
          t('account.password.done'),
          ...(outcome
            ? [
                t('account.password.sessionsEnded', { count: outcome.otherSessionsEnded }),
                outcome.apiTokensRevoked > 0
                  ? t('account.password.tokensRevoked', { count: outcome.apiTokensRevoked })
                  : t('account.password.tokensKept', { count: outcome.apiTokensKept }),
              ]
            : []),
        ],
      });
    } catch (error) {
      const { code, message } = gatewayError(error);
      if (code === 'INVALID_CREDENTIALS') {
        setError(
          'current',
          { message: t('account.password.invalidCurrent') },
          { shouldFocus: true },
        );
      } else if (code === 'INVALID_PASSWORD') {
        setError('next', { message }, { shouldFocus: true });
      } else if (code !== 'UNAUTHENTICATED') {
        setResult({
          tone: 'error',
          messages: [
            refusalMessage(error, t, {
              TRYTON_UNAVAILABLE: 'auth.errors.unavailable',
              NETWORK: 'auth.errors.network',
              UNKNOWN: 'auth.errors.network',
            }),
          ],
        });
      }
    }
  });

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      {result && (
        <Alert tone={result.tone}>
          {result.messages.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </Alert>
      )}
      <Field
        label={t('account.password.current')}
        type="password"
        autoComplete="current-password"
        error={errors.current?.message}
        {...register('current', { required: t('common.required') })}
      />
      <NewPasswordFields
        form={form}
        password="next"
        confirm="confirm"
        passwordLabel={t('account.password.next')}
        confirmLabel={t('account.password.confirm')}
      />
      <Checkbox
        label={t('account.password.revokeTokens')}
        hint={t('account.password.revokeTokensHint')}
        {...register('revokeTokens')}
      />
      <div>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {isSubmitting ? t('common.saving') : t('account.password.submit')}
        </button>
      </div>
    </form>
  );
}
