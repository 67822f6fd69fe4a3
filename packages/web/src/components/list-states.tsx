import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '@/gql/graphql';
import { gatewayError } from '@/lib/graphql-errors';
import { forbiddenMessage } from '@/lib/refusal-message';
import { AlertIcon, InboxIcon } from './icons';

/** Grey placeholder rows shaped like the list, announced once as "Chargement…". */
export function ListSkeleton({ rows = 5 }: { rows?: number }) {
  const { t } = useTranslation();
  return (
    <div className="skeleton-list" role="status" aria-live="polite">
      <span className="visually-hidden">{t('app.loading')}</span>
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
        <div className="skeleton-row" key={i} aria-hidden="true">
          <span className="skeleton" style={{ width: '22%' }} />
          <span className="skeleton" style={{ width: '30%' }} />
          <span className="skeleton" style={{ width: '14%' }} />
        </div>
      ))}
    </div>
  );
}

export function EmptyState({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty-state">
      <InboxIcon />
      <p>{children}</p>
      {action}
    </div>
  );
}

/**
 * What the member's role does not allow (FORBIDDEN): said as such, with the role, and no
 * retry (trying again cannot help); the member is still signed in (issue 16).
 */
export function ForbiddenState({ role }: { role?: Role | undefined }) {
  const { t } = useTranslation();
  return (
    <div className="error-state" role="alert">
      <AlertIcon />
      <div>
        <p className="error-state-title">{t('common.forbiddenTitle')}</p>
        <p>{forbiddenMessage(t, role)}</p>
        <p>{t('common.forbiddenHint')}</p>
      </div>
    </div>
  );
}

/** Any failed load: a human message, the service-down case apart, and a retry. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  const { code, retryAfter, role } = gatewayError(error);
  if (code === 'FORBIDDEN') return <ForbiddenState role={role} />;
  // Outside the sign-in form, THROTTLED is the request quota: say so, not "too many attempts".
  const body =
    code === 'TRYTON_UNAVAILABLE'
      ? t('common.unavailable')
      : code === 'THROTTLED'
        ? t('list.quota', { count: retryAfter ?? 1 })
        : t('common.errorBody');
  return (
    <div className="error-state" role="alert">
      <AlertIcon />
      <div>
        <p className="error-state-title">{t('common.errorTitle')}</p>
        <p>{body}</p>
      </div>
      <button type="button" className="btn btn-secondary" onClick={onRetry}>
        {t('common.retry')}
      </button>
    </div>
  );
}

interface LoadMoreProps {
  shown: number;
  total: number;
  hasNextPage: boolean;
  /** Fetches the next page (Apollo's fetchMore); its failure is shown here with a retry. */
  onLoadMore: () => Promise<unknown>;
}

export function LoadMore({ shown, total, hasNextPage, onLoadMore }: LoadMoreProps) {
  const { t } = useTranslation();
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState(false);
  const load = async () => {
    if (loading) return;
    setLoading(true);
    setFailed(false);
    try {
      await onLoadMore();
    } catch {
      setFailed(true);
    } finally {
      setLoading(false);
    }
  };
  return (
    <div className="load-more">
      <p className="muted" aria-live="polite">
        {t('common.shown', { shown, total })}
      </p>
      {failed && (
        <p className="text-danger" role="alert">
          {t('common.errorTitle')}
        </p>
      )}
      {hasNextPage && (
        <button
          type="button"
          className="btn btn-secondary"
          onClick={load}
          // Not `disabled`: a disabled button loses the keyboard focus to the page body.
          aria-disabled={loading}
          aria-busy={loading}
        >
          {loading ? t('common.loadingMore') : failed ? t('common.retry') : t('common.loadMore')}
        </button>
      )}
    </div>
  );
}
