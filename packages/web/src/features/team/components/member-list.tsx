import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/alert';
import { DateText } from '@/components/format';
import type { MemberItem_MemberFragment, Role } from '@/gql/graphql';
import { refusalMessage } from '@/lib/refusal-message';
import { useChangeMemberRole, useRemoveMember } from '../api/use-members';
import { RoleSelect } from './role-select';

/**
 * The members and invitations, each with its role (changed at once) and a remove button.
 * The gateway keeps the last administrator: the refusal is shown, the role put back.
 */
export function MemberList({
  members,
  selfEmail,
}: {
  members: MemberItem_MemberFragment[];
  selfEmail: string;
}) {
  const { t } = useTranslation();
  const [change] = useChangeMemberRole();
  const [remove] = useRemoveMember();
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  const failed = (error: unknown) =>
    setMessage({
      tone: 'error',
      text: refusalMessage(error, t, { LAST_ADMINISTRATOR: 'team.errors.lastAdministrator' }),
    });

  const onRole = async (member: MemberItem_MemberFragment, role: Role) => {
    setMessage(null);
    try {
      await change(member.id, role);
      setMessage({ tone: 'success', text: t('team.roleChanged', { email: member.email }) });
    } catch (error) {
      failed(error);
    }
  };

  const onRemove = async (member: MemberItem_MemberFragment) => {
    const question = member.state === 'ACTIVE' ? 'team.removeConfirm' : 'team.withdrawConfirm';
    if (!window.confirm(t(question, { email: member.email }))) return;
    setMessage(null);
    try {
      await remove(member.id);
      setMessage({ tone: 'success', text: t('team.removed', { email: member.email }) });
    } catch (error) {
      failed(error);
    }
  };

  return (
    <>
      <div aria-live="polite">{message && <Alert tone={message.tone}>{message.text}</Alert>}</div>
      <ul className="member-list" aria-label={t('team.listLabel')}>
        {members.map((member) => (
          <li key={member.id} className="member-item">
            <div className="member-who">
              <strong>{member.email}</strong>
              {member.email === selfEmail && <span className="muted"> {t('team.you')}</span>}
              <span className="muted small">
                {member.state === 'ACTIVE' ? (
                  t('team.states.ACTIVE')
                ) : member.state === 'INVITED' ? (
                  <>
                    {t('team.states.INVITED')}{' '}
                    {member.invitationExpiresAt && <DateText value={member.invitationExpiresAt} />}
                  </>
                ) : (
                  t('team.states.INVITATION_EXPIRED')
                )}
                {member.roleChangedBy && (
                  <> · {t('team.roleChangedBy', { email: member.roleChangedBy.email })}</>
                )}
              </span>
            </div>
            <RoleSelect
              label={t('team.roleOf', { email: member.email })}
              hiddenLabel
              value={member.role}
              onChange={(event) => void onRole(member, event.target.value as Role)}
            />
            <button
              type="button"
              className="btn btn-ghost"
              onClick={() => void onRemove(member)}
              aria-label={t(member.state === 'ACTIVE' ? 'team.removeOf' : 'team.withdrawOf', {
                email: member.email,
              })}
            >
              {member.state === 'ACTIVE' ? t('team.remove') : t('team.withdraw')}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
