import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { ErrorState } from '@/components/list-states';
import { PageHeader } from '@/components/page-header';
import { NotFound } from './not-found';

/**
 * A route that failed to load (typically a code-split chunk after a redeploy): reloading the
 * page fetches the new build.
 */
export function RouteError() {
  const error = useRouteError();
  const { t } = useTranslation();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <main id="main" className="page">
        <NotFound />
      </main>
    );
  }
  return (
    <main id="main" className="page">
      <h1 className="visually-hidden">{t('common.errorTitle')}</h1>
      <ErrorState error={error} onRetry={() => window.location.reload()} />
    </main>
  );
}

/**
 * A page of the signed-in app that failed (its chunk, or a render error): the error shows in
 * the page's place, inside the frame, so the header and navigation stay and the customer can
 * go elsewhere, or try again.
 */
export function PageError() {
  const error = useRouteError();
  const { t } = useTranslation();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFound />;
  return (
    <>
      <PageHeader title={t('common.errorTitle')} />
      <ErrorState error={error} onRetry={() => window.location.reload()} />
    </>
  );
}
