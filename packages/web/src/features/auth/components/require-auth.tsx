import { useApolloClient, useQuery } from '@apollo/client/react';
import { useEffect, useRef } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { FullPageSpinner } from '@/components/full-page-spinner';
import { ErrorState } from '@/components/list-states';
import { onSessionLost } from '@/lib/session-events';
import { SessionQuery, sessionContext } from '../api/session';

function signInPath(location: { pathname: string; search: string }): string {
  return `/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`;
}

/**
 * Guards the customer pages: anonymous visitors go to sign-in and come back to the page they
 * asked for; a session that expires mid-visit does the same, with a message.
 */
export function RequireAuth() {
  const location = useLocation();
  const navigate = useNavigate();
  const client = useApolloClient();
  const { data, error, refetch } = useQuery(SessionQuery, {
    context: sessionContext,
    fetchPolicy: 'cache-first',
  });

  // Losing a viewer we had means the session expired: the sign-in page says so.
  const hadViewer = useRef(false);
  if (data?.viewer) hadViewer.current = true;

  const current = useRef(location);
  current.current = location;
  useEffect(
    () =>
      onSessionLost(() => {
        navigate(signInPath(current.current), { replace: true, state: { expired: true } });
        void client.clearStore();
      }),
    [navigate, client],
  );

  if (error && !data) {
    return (
      <main id="main" className="page">
        <ErrorState error={error} onRetry={() => void refetch()} />
      </main>
    );
  }
  if (!data) return <FullPageSpinner />;
  if (!data.viewer) {
    const state = hadViewer.current ? { expired: true } : undefined;
    return <Navigate to={signInPath(location)} replace state={state} />;
  }
  return <Outlet />;
}
