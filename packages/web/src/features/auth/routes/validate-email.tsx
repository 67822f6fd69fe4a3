import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '@/components/alert';
import { useDocumentTitle } from '@/components/use-document-title';
import { gatewayError } from '@/lib/graphql-errors';
import { useValidateEmail } from '../api/use-validate-email';
import { AuthLayout } from '../components/auth-layout';
import { useLinkParams } from '../components/use-link-params';

type Outcome = 'pending' | 'done' | 'invalid' | 'taken' | 'error';

/** Opened from the e-mail: /validate-email#token=… (useLinkParams); validates once, on arrival. */
export function ValidateEmailRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.validate.title'));
  const params = useLinkParams();
  const token = params.get('token') ?? '';
  const [validate] = useValidateEmail();
  const [outcome, setOutcome] = useState<Outcome>(token ? 'pending' : 'invalid');
  const [attempt, setAttempt] = useState(0);
  const started = useRef(-1);

  useEffect(() => {
    // StrictMode runs effects twice in development; a token is single-use.
    if (!token || started.current === attempt) return;
    started.current = attempt;
    validate(token).then(
      ({ data }) => setOutcome(data?.validateEmail ? 'done' : 'invalid'),
      (error: unknown) => {
        const { code } = gatewayError(error);
        setOutcome(
          code === 'INVALID_TOKEN' ? 'invalid' : code === 'EMAIL_TAKEN' ? 'taken' : 'error',
        );
      },
    );
  }, [token, attempt, validate]);

  return (
    <AuthLayout>
      <h1 tabIndex={-1}>{t('auth.validate.title')}</h1>
      {outcome === 'pending' && (
        <p role="status" className="muted">
          <span className="spinner spinner-inline" aria-hidden="true" />{' '}
          {t('auth.validate.pending')}
        </p>
      )}
      {outcome === 'done' && <Alert tone="success">{t('auth.validate.done')}</Alert>}
      {outcome === 'invalid' && <Alert tone="error">{t('auth.validate.invalid')}</Alert>}
      {outcome === 'taken' && <Alert tone="error">{t('auth.validate.taken')}</Alert>}
      {outcome === 'error' && (
        <>
          <Alert tone="error">{t('auth.errors.network')}</Alert>
          <button
            type="button"
            className="btn btn-secondary btn-block"
            onClick={() => {
              setOutcome('pending');
              setAttempt((n) => n + 1);
            }}
          >
            {t('common.retry')}
          </button>
        </>
      )}
      {outcome !== 'pending' && (
        <p className="auth-footer">
          <Link to="/">{t('auth.validate.continue')}</Link>
        </p>
      )}
    </AuthLayout>
  );
}

export default ValidateEmailRoute;
