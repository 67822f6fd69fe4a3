import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '@/components/page-header';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <div className="not-found">
      <PageHeader title={t('notFound.title')} description={t('notFound.body')} />
      <Link className="btn btn-primary" to="/">
        {t('notFound.home')}
      </Link>
    </div>
  );
}
