import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useBrand } from '@/brand/brand-context';
import { Alert } from '@/components/alert';
import { Field } from '@/components/field';
import { useDocumentTitle } from '@/components/use-document-title';
import { gatewayError } from '@/lib/graphql-errors';
import { isUiLanguage, storedLanguage, type UiLanguage } from '@/lib/i18n';
import { useChangeLanguage } from '@/lib/use-change-language';
import { SessionQuery, sessionContext } from '../api/session';
import { useLogin } from '../api/use-login';
import { AuthLayout } from '../components/auth-layout';
import { safeNext } from '../components/safe-next';
import { useCountdown } from '../components/use-countdown';

interface SignInValues {
  email: string;
  password: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function SignInRoute() {
  const { t, i18n } = useTranslation();
  const { welcome } = useBrand();
  useDocumentTitle(t('auth.signIn.title'));
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const next = safeNext(params.get('next'));
  const notice = (location.state as { expired?: boolean; signedOut?: boolean } | null) ?? {};
  // network-only: after an expiry the cache may still hold the customer for a moment.
  const session = useQuery(SessionQuery, { context: sessionContext, fetchPolicy: 'network-only' });
  const [login] = useLogin();
  const changeLanguage = useChangeLanguage();
  const [failure, setFailure] = useState<{ message: string; retryUntil?: number } | null>(null);
  const secondsLeft = useCountdown(failure?.retryUntil ?? null);
  const [showPassword, setShowPassword] = useState(false);
  const {
    register,
    handleSubmit,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<SignInValues>({ defaultValues: { email: '', password: '' } });

  if (session.data?.viewer) return <Navigate to={next} replace />;

  const onSubmit = handleSubmit(async ({ email, password }) => {
    setFailure(null);
    try {
      const { data } = await login(email, password);
      const language = data?.login.customer.language.toLowerCase();
      // The customer's own language applies until they pick one in this browser.
      if (!storedLanguage() && isUiLanguage(language)) await changeLanguage(language as UiLanguage);
      navigate(next, { replace: true });
    } catch (error) {
      const { code, retryAfter } = gatewayError(error);
      if (code === 'THROTTLED') {
        setFailure({ message: 'throttled', retryUntil: Date.now() + (retryAfter ?? 60) * 1000 });
      } else if (code === 'INVALID_CREDENTIALS') {
        setFailure({ message: t('auth.errors.invalidCredentials') });
        setFocus('password');
      } else if (code === 'TRYTON_UNAVAILABLE') {
        setFailure({ message: t('auth.errors.unavailable') });
      } else if (code === 'NETWORK') {
        setFailure({ message: t('auth.errors.network') });
      } else {
        setFailure({ message: t('auth.errors.unexpected') });
      }
    }
  });

  const throttled = failure?.message === 'throttled';
  return (
    <AuthLayout>
      <h1 tabIndex={-1}>{t('auth.signIn.heading')}</h1>
      {welcome && (
        <p className="auth-welcome">
          {isUiLanguage(i18n.language) ? welcome[i18n.language] : welcome.fr}
        </p>
      )}
      <p className="muted">{t('auth.signIn.intro')}</p>
      {notice.expired && !failure && <Alert tone="info">{t('auth.errors.expired')}</Alert>}
      {notice.signedOut && !failure && <Alert tone="success">{t('auth.signedOut')}</Alert>}
      {failure && (
        <Alert tone="error">
          {throttled && secondsLeft > 0
            ? t('auth.errors.throttled', { count: secondsLeft })
            : throttled
              ? t('auth.errors.unexpected')
              : failure.message}
        </Alert>
      )}
      <form className="form" onSubmit={onSubmit} noValidate>
        <Field
          label={t('auth.signIn.email')}
          type="email"
          autoComplete="username"
          inputMode="email"
          error={errors.email?.message}
          {...register('email', {
            required: t('common.required'),
            pattern: { value: EMAIL, message: t('common.invalidEmail') },
          })}
        />
        <div className="password-field">
          <Field
            label={t('auth.signIn.password')}
            type={showPassword ? 'text' : 'password'}
            autoComplete="current-password"
            error={errors.password?.message}
            {...register('password', { required: t('common.required') })}
          />
          <button
            type="button"
            className="btn-link password-toggle"
            aria-pressed={showPassword}
            onClick={() => setShowPassword((shown) => !shown)}
          >
            {showPassword ? t('auth.signIn.hidePassword') : t('auth.signIn.showPassword')}
          </button>
        </div>
        <button
          type="submit"
          className="btn btn-primary btn-block"
          disabled={isSubmitting || (throttled && secondsLeft > 0)}
        >
          {isSubmitting ? t('auth.signIn.submitting') : t('auth.signIn.submit')}
        </button>
      </form>
      <p className="auth-footer">
        <Link to="/forgot-password">{t('auth.signIn.forgot')}</Link>
      </p>
    </AuthLayout>
  );
}

export default SignInRoute;
