import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, ListSkeleton } from '@/components/list-states';
import { PageHeader } from '@/components/page-header';
import { useCan } from '@/lib/use-can';
import { useMembers } from '../api/use-members';
import { InviteForm } from '../components/invite-form';
import { MemberList } from '../components/member-list';

/** The company account's members, for its administrators (issue 16). */
export function TeamRoute() {
  const { t } = useTranslation();
  const can = useCan();
  const allowed = can('MEMBERS_MANAGE');
  const { data, error, refetch } = useMembers(allowed);
  const viewer = data?.viewer;

  return (
    <>
      <PageHeader
        title={t('team.title')}
        description={viewer ? t('team.intro', { name: viewer.name }) : undefined}
      />
      {!allowed ? (
        <EmptyState>{t('team.notAllowed')}</EmptyState>
      ) : error && !data ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : !viewer ? (
        <ListSkeleton rows={3} />
      ) : (
        <div className="detail">
          <section className="card" aria-labelledby="team-members">
            <h2 id="team-members">{t('team.members')}</h2>
            <MemberList members={viewer.members} selfEmail={viewer.email} />
          </section>
          <section className="card">
            <InviteForm />
          </section>
        </div>
      )}
    </>
  );
}

export default TeamRoute;
