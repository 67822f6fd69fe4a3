import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/alert';
import { Field } from '@/components/field';
import { NewPasswordFields } from '@/components/new-password-fields';
import { gatewayError } from '@/lib/graphql-errors';
import { useChangePassword } from '../api/use-change-password';

interface Values {
  current: string;
  next: string;
  confirm: string;
}

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const [changePassword] = useChangePassword();
  const [result, setResult] = useState<{ tone: 'success' | 'error'; message: string } | null>(null);
  const form = useForm<Values>({ defaultValues: { current: '', next: '', confirm: '' } });
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = form;

  const onSubmit = handleSubmit(async ({ current, next }) => {
    setResult(null);
    try {
      await changePassword(current, next);
      reset();
      setResult({ tone: 'success', message: t('account.password.done') });
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
          message:
            code === 'TRYTON_UNAVAILABLE' ? t('auth.errors.unavailable') : t('auth.errors.network'),
        });
      }
    }
  });

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      {result && <Alert tone={result.tone}>{result.message}</Alert>}
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
      <div>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {isSubmitting ? t('common.saving') : t('account.password.submit')}
        </button>
      </div>
    </form>
  );
}
