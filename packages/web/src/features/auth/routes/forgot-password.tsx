import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '@/components/alert';
import { Field } from '@/components/field';
import { useDocumentTitle } from '@/components/use-document-title';
import { gatewayError } from '@/lib/graphql-errors';
import { useRequestPasswordReset } from '../api/use-request-password-reset';
import { AuthLayout } from '../components/auth-layout';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function ForgotPasswordRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.forgot.title'));
  const [params] = useSearchParams();
  const [request] = useRequestPasswordReset();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm({ defaultValues: { email: params.get('email') ?? '' } });

  const onSubmit = handleSubmit(async ({ email }) => {
    setFailure(null);
    try {
      await request(email);
      setSentTo(email.trim());
    } catch (error) {
      const { code } = gatewayError(error);
      setFailure(
        code === 'TRYTON_UNAVAILABLE' ? t('auth.errors.unavailable') : t('auth.errors.network'),
      );
    }
  });

  return (
    <AuthLayout>
      <h1 tabIndex={-1}>{t('auth.forgot.title')}</h1>
      {sentTo ? (
        <Alert tone="success">{t('auth.forgot.sent', { email: sentTo })}</Alert>
      ) : (
        <>
          <p className="muted">{t('auth.forgot.intro')}</p>
          {failure && <Alert tone="error">{failure}</Alert>}
          <form className="form" onSubmit={onSubmit} noValidate>
            <Field
              label={t('auth.signIn.email')}
              type="email"
              autoComplete="email"
              inputMode="email"
              error={errors.email?.message}
              {...register('email', {
                required: t('common.required'),
                pattern: { value: EMAIL, message: t('common.invalidEmail') },
              })}
            />
            <button type="submit" className="btn btn-primary btn-block" disabled={isSubmitting}>
              {isSubmitting ? t('auth.forgot.submitting') : t('auth.forgot.submit')}
            </button>
          </form>
        </>
      )}
      <p className="auth-footer">
        <Link to="/sign-in">{t('auth.forgot.backToSignIn')}</Link>
      </p>
    </AuthLayout>
  );
}

export default ForgotPasswordRoute;
