import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/alert';
import { Field } from '@/components/field';
import type { Role } from '@/gql/graphql';
import { gatewayError } from '@/lib/graphql-errors';
import { refusalMessage } from '@/lib/refusal-message';
import { useIdempotencyKey } from '@/lib/use-idempotency-key';
import { useInviteMember } from '../api/use-members';
import { RoleSelect } from './role-select';

/** Invites a person by e-mail with a role: Tryton sends them the link to choose a password. */
export function InviteForm() {
  const { t } = useTranslation();
  const [invite] = useInviteMember();
  const [key, renewKey] = useIdempotencyKey();
  const [sent, setSent] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<{ email: string; role: Role }>({ defaultValues: { email: '', role: 'BUYER' } });

  const onSubmit = handleSubmit(async ({ email, role }) => {
    setFailure(null);
    setSent(null);
    try {
      const { data } = await invite(email, role, key);
      if (data) {
        setSent(data.inviteMember.member.email);
        reset();
        renewKey();
      }
    } catch (error) {
      const field = gatewayError(error).fieldErrors?.[0]?.code;
      setFailure(
        field === 'ALREADY_MEMBER'
          ? t('team.errors.alreadyMember')
          : field === 'EMAIL_UNAVAILABLE'
            ? t('team.errors.emailUnavailable')
            : field === 'EMAIL_INVALID'
              ? t('team.errors.emailInvalid')
              : refusalMessage(error, t, { TOO_MANY_MEMBERS: 'team.errors.tooMany' }),
      );
      renewKey();
    }
  });

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-labelledby="invite-title">
      <h2 id="invite-title">{t('team.invite.title')}</h2>
      <p className="muted">{t('team.invite.intro')}</p>
      {sent && <Alert tone="success">{t('team.invite.sent', { email: sent })}</Alert>}
      {failure && <Alert tone="error">{failure}</Alert>}
      <Field
        label={t('team.email')}
        type="email"
        autoComplete="off"
        error={errors.email && t('team.errors.emailInvalid')}
        {...register('email', { required: true, pattern: /^[^\s@]+@[^\s@]+\.[^\s@]+$/ })}
      />
      <RoleSelect label={t('team.role')} {...register('role')} />
      <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
        {isSubmitting ? t('common.saving') : t('team.invite.submit')}
      </button>
    </form>
  );
}
