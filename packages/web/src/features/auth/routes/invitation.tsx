import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Alert } from '@/components/alert';
import { NewPasswordFields } from '@/components/new-password-fields';
import { useDocumentTitle } from '@/components/use-document-title';
import { gatewayError } from '@/lib/graphql-errors';
import { useAcceptInvitation } from '../api/use-accept-invitation';
import { AuthLayout } from '../components/auth-layout';
import { useLinkParams } from '../components/use-link-params';

/**
 * Opened from the invitation e-mail: /invitation#email=…&token=… (useLinkParams). The token is
 * Tryton's password-reset token: the same expiry, used once.
 */
export function InvitationRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('invitation.title'));
  const navigate = useNavigate();
  const params = useLinkParams();
  const token = params.get('token') ?? '';
  const email = params.get('email') ?? '';
  const [accept] = useAcceptInvitation();
  const [invalid, setInvalid] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<{ password: string; confirm: string }>({
    defaultValues: { password: '', confirm: '' },
  });
  const {
    handleSubmit,
    formState: { isSubmitting },
  } = form;

  const onSubmit = handleSubmit(async ({ password }) => {
    setFailure(null);
    try {
      await accept(email, token, password);
      navigate('/', { replace: true });
    } catch (error) {
      const { code, message } = gatewayError(error);
      if (code === 'INVALID_TOKEN') setInvalid(true);
      else if (code === 'INVALID_PASSWORD') setFailure(message);
      else if (code === 'THROTTLED')
        setFailure(t('auth.errors.throttled', { count: gatewayError(error).retryAfter ?? 60 }));
      else if (code === 'TRYTON_UNAVAILABLE') setFailure(t('auth.errors.unavailable'));
      else setFailure(t('auth.errors.network'));
    }
  });

  let body: React.ReactNode;
  if (!token || !email) {
    body = <Alert tone="error">{t('invitation.incompleteLink')}</Alert>;
  } else if (invalid) {
    body = <Alert tone="error">{t('invitation.invalidToken')}</Alert>;
  } else {
    body = (
      <>
        <p className="muted">{t('invitation.intro', { email })}</p>
        {failure && <Alert tone="error">{failure}</Alert>}
        <form className="form" onSubmit={onSubmit} noValidate>
          <NewPasswordFields
            form={form}
            password="password"
            confirm="confirm"
            passwordLabel={t('invitation.password')}
            confirmLabel={t('invitation.confirm')}
          />
          <button type="submit" className="btn btn-primary btn-block" disabled={isSubmitting}>
            {isSubmitting ? t('common.saving') : t('invitation.submit')}
          </button>
        </form>
      </>
    );
  }

  return (
    <AuthLayout>
      <h1 tabIndex={-1}>{t('invitation.title')}</h1>
      {body}
    </AuthLayout>
  );
}

export default InvitationRoute;
