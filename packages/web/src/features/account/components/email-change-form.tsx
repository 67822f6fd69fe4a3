import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/alert';
import { Field } from '@/components/field';
import { gatewayError } from '@/lib/graphql-errors';
import { refusalMessage } from '@/lib/refusal-message';
import { useRequestEmailChange } from '../api/use-request-email-change';

/** Changes the sign-in e-mail: with the password, confirmed from the new address. */
export function EmailChangeForm() {
  const { t } = useTranslation();
  const [request, { loading }] = useRequestEmailChange();
  const [open, setOpen] = useState(false);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ email?: string; password?: string; form?: string }>({});
  const [pending, setPending] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing = {
      ...(email.trim() ? {} : { email: t('common.required') }),
      ...(password ? {} : { password: t('common.required') }),
    };
    setErrors(missing);
    if (Object.keys(missing).length) return;
    try {
      const { data } = await request({
        variables: { newEmail: email.trim(), currentPassword: password },
      });
      setPending(data?.requestEmailChange.pendingEmail ?? email.trim());
      setOpen(false);
      setPassword('');
    } catch (error) {
      const { code, fieldErrors } = gatewayError(error);
      if (code === 'INVALID_CREDENTIALS') {
        setErrors({ password: t('account.password.invalidCurrent') });
      } else if (code === 'VALIDATION_FAILED') {
        const first = fieldErrors?.[0]?.code;
        setErrors({
          email: t(
            first === 'EMAIL_UNCHANGED'
              ? 'account.emailChange.unchanged'
              : 'account.writes.codes.EMAIL_INVALID',
          ),
        });
      } else {
        setErrors({ form: refusalMessage(error, t, { THROTTLED: 'account.writes.throttled' }) });
      }
    }
  };

  return (
    <div className="email-change">
      {pending && <Alert tone="success">{t('account.emailChange.sent', { email: pending })}</Alert>}
      {open ? (
        <form className="form" onSubmit={(e) => void submit(e)} noValidate>
          {errors.form && <Alert tone="error">{errors.form}</Alert>}
          <Field
            label={t('account.emailChange.newEmail')}
            type="email"
            autoComplete="email"
            maxLength={200}
            value={email}
            error={errors.email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <Field
            label={t('account.password.current')}
            type="password"
            autoComplete="current-password"
            value={password}
            error={errors.password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <p className="muted small">{t('account.emailChange.hint')}</p>
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={loading}>
              {t('account.emailChange.submit')}
            </button>
            <button type="button" className="btn btn-ghost" onClick={() => setOpen(false)}>
              {t('account.writes.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <button type="button" className="btn btn-secondary btn-small" onClick={() => setOpen(true)}>
          {t('account.emailChange.open')}
        </button>
      )}
    </div>
  );
}
