import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field } from '@/components/field';

/** The portal_api module refuses shorter passwords (tryton/modules/portal_api/password.py). */
export const MIN_PASSWORD_LENGTH = 10;

interface NewPasswordFieldsProps<T extends FieldValues> {
  form: UseFormReturn<T>;
  password: Path<T>;
  confirm: Path<T>;
  passwordLabel: string;
  confirmLabel: string;
}

/** New password + confirmation, with the length rule shown before it is broken. */
export function NewPasswordFields<T extends FieldValues>({
  form,
  password,
  confirm,
  passwordLabel,
  confirmLabel,
}: NewPasswordFieldsProps<T>) {
  const { t } = useTranslation();
  const {
    register,
    getValues,
    formState: { errors },
  } = form;
  return (
    <>
      <Field
        label={passwordLabel}
        type="password"
        autoComplete="new-password"
        hint={t('auth.reset.hint', { count: MIN_PASSWORD_LENGTH })}
        error={errors[password]?.message as string | undefined}
        {...register(password, {
          required: t('common.required'),
          minLength: {
            value: MIN_PASSWORD_LENGTH,
            message: t('auth.reset.tooShort', { count: MIN_PASSWORD_LENGTH }),
          },
        })}
      />
      <Field
        label={confirmLabel}
        type="password"
        autoComplete="new-password"
        error={errors[confirm]?.message as string | undefined}
        {...register(confirm, {
          required: t('common.required'),
          validate: (value) => value === getValues(password) || t('auth.reset.mismatch'),
        })}
      />
    </>
  );
}
