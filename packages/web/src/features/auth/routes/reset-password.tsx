import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '@/components/alert';
import { Checkbox } from '@/components/checkbox';
import { NewPasswordFields } from '@/components/new-password-fields';
import { useDocumentTitle } from '@/components/use-document-title';
import { gatewayError } from '@/lib/graphql-errors';
import { useResetPassword } from '../api/use-reset-password';
import { AuthLayout } from '../components/auth-layout';
import { useLinkParams } from '../components/use-link-params';

interface ResetValues {
  password: string;
  confirm: string;
  revokeTokens: boolean;
}

/** Opened from the e-mail: /reset-password#email=…&token=… (useLinkParams). */
export function ResetPasswordRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.reset.title'));
  const params = useLinkParams();
  const token = params.get('token') ?? '';
  const email = params.get('email') ?? '';
  const [reset] = useResetPassword();
  const [outcome, setOutcome] = useState<'done' | 'invalidToken' | null>(null);
  const [ended, setEnded] = useState<string[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<ResetValues>({
    defaultValues: { password: '', confirm: '', revokeTokens: false },
  });
  const {
    register,
    handleSubmit,
    formState: { isSubmitting },
  } = form;

  const onSubmit = handleSubmit(async ({ password, revokeTokens }) => {
    setFailure(null);
    try {
      const { data } = await reset({ email, token, password, revokeApiTokens: revokeTokens });
      const result = data?.resetPassword;
      // A reset often follows a suspected theft: say that every session ended, and whether
      // the API tokens still work.
      setEnded(
        result
          ? [
              t('auth.reset.sessionsEnded', { count: result.otherSessionsEnded }),
              result.apiTokensRevoked > 0
                ? t('account.password.tokensRevoked', { count: result.apiTokensRevoked })
                : t('account.password.tokensKept', { count: result.apiTokensKept }),
            ]
          : [],
      );
      setOutcome(result ? 'done' : 'invalidToken');
    } catch (error) {
      const { code, message } = gatewayError(error);
      if (code === 'INVALID_TOKEN') setOutcome('invalidToken');
      else if (code === 'INVALID_PASSWORD') setFailure(message);
      else if (code === 'TRYTON_UNAVAILABLE') setFailure(t('auth.errors.unavailable'));
      else setFailure(t('auth.errors.network'));
    }
  });

  const forgotLink = `/forgot-password${email ? `?email=${encodeURIComponent(email)}` : ''}`;
  let body: React.ReactNode;
  if (!token || !email) {
    body = <Alert tone="error">{t('auth.reset.incompleteLink')}</Alert>;
  } else if (outcome === 'done') {
    body = (
      <>
        <Alert tone="success">
          <p>{t('auth.reset.done')}</p>
          {ended.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </Alert>
        <Link className="btn btn-primary btn-block" to="/sign-in">
          {t('auth.signIn.submit')}
        </Link>
      </>
    );
  } else if (outcome === 'invalidToken') {
    body = (
      <>
        <Alert tone="error">{t('auth.reset.invalidToken')}</Alert>
        <Link className="btn btn-primary btn-block" to={forgotLink}>
          {t('auth.reset.requestNew')}
        </Link>
      </>
    );
  } else {
    body = (
      <>
        <p className="muted">{t('auth.reset.intro', { email })}</p>
        {failure && <Alert tone="error">{failure}</Alert>}
        <form className="form" onSubmit={onSubmit} noValidate>
          <NewPasswordFields
            form={form}
            password="password"
            confirm="confirm"
            passwordLabel={t('auth.reset.password')}
            confirmLabel={t('auth.reset.confirm')}
          />
          <Checkbox
            label={t('account.password.revokeTokens')}
            hint={t('account.password.revokeTokensHint')}
            {...register('revokeTokens')}
          />
          <button type="submit" className="btn btn-primary btn-block" disabled={isSubmitting}>
            {isSubmitting ? t('common.saving') : t('auth.reset.submit')}
          </button>
        </form>
      </>
    );
  }

  return (
    <AuthLayout>
      <h1 tabIndex={-1}>{t('auth.reset.title')}</h1>
      {body}
      <p className="auth-footer">
        <Link to="/sign-in">{t('auth.forgot.backToSignIn')}</Link>
      </p>
    </AuthLayout>
  );
}

export default ResetPasswordRoute;
