import { useQuery } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Money } from '@/components/format';
import { ErrorState, ListSkeleton } from '@/components/list-states';
import { PageHeader } from '@/components/page-header';
import { graphql } from '@/gql';
import { useCan } from '@/lib/use-can';
import {
  LatestDocumentsList,
  OpenOrdersList,
  UnpaidInvoicesList,
} from '../components/dashboard-lists';
import { InvoicedChart } from '../components/invoiced-chart';

const PREVIEW = 5;

const DashboardQuery = graphql(`
  query Dashboard($orders: Boolean!, $invoices: Boolean!, $documents: Boolean!) {
    viewer {
      id
      name
      amountDue @include(if: $invoices) {
        amount
        currency
      }
      openOrders: orders(first: 5, filter: { states: [CONFIRMED, PROCESSING] })
        @include(if: $orders) {
        totalCount
        edges {
          node {
            ...OpenOrders_order
          }
        }
      }
      unpaidInvoices: invoices(first: 5, filter: { unpaid: true }) @include(if: $invoices) {
        totalCount
        edges {
          node {
            ...UnpaidInvoices_invoice
          }
        }
      }
      overdueInvoices: invoices(first: 1, filter: { overdue: true }) @include(if: $invoices) {
        totalCount
      }
      documents(first: 5) @include(if: $documents) {
        edges {
          node {
            ...LatestDocuments_document
          }
        }
      }
      invoicedByMonth(months: 12) @include(if: $invoices) {
        ...InvoicedChart_month
      }
    }
  }
`);

function Card({
  title,
  link,
  children,
  className,
}: {
  title: string;
  link?: { to: string; label: string };
  children: ReactNode;
  className?: string;
}) {
  const id = `card-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <section className={`card ${className ?? ''}`} aria-labelledby={id}>
      <div className="card-head">
        <h2 id={id}>{title}</h2>
        {link && (
          <Link to={link.to} className="small">
            {link.label}
          </Link>
        )}
      </div>
      {children}
    </section>
  );
}

export function DashboardRoute() {
  const { t } = useTranslation();
  // Each card only for a role that may read it (issue 16): the others are not even asked.
  const can = useCan();
  const { data, error, refetch } = useQuery(DashboardQuery, {
    variables: {
      orders: can('ORDERS_READ'),
      invoices: can('INVOICES_READ'),
      documents: can('DOCUMENTS_READ'),
    },
  });
  const viewer = data?.viewer;

  return (
    <>
      <PageHeader
        title={t('dashboard.title')}
        description={viewer ? t('dashboard.greeting', { name: viewer.name }) : undefined}
      />
      {error && !viewer ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : !viewer ? (
        <div className="dashboard-grid">
          {[0, 1, 2, 3].map((i) => (
            <section className="card" key={i} aria-hidden={i > 0}>
              <ListSkeleton rows={3} />
            </section>
          ))}
        </div>
      ) : (
        <div className="dashboard-grid">
          {viewer.amountDue && viewer.overdueInvoices && (
            <Card title={t('dashboard.amountDue')} className="card-highlight">
              <p className="big-number">
                <Money value={viewer.amountDue} />
              </p>
              <p className={viewer.overdueInvoices.totalCount > 0 ? 'text-danger' : 'muted'}>
                {viewer.overdueInvoices.totalCount > 0
                  ? t('dashboard.overdue', { count: viewer.overdueInvoices.totalCount })
                  : t('dashboard.noOverdue')}
              </p>
              {viewer.overdueInvoices.totalCount > 0 && (
                <Link className="btn btn-secondary" to="/invoices?status=overdue">
                  {t('dashboard.seeOverdue')}
                </Link>
              )}
            </Card>
          )}
          {viewer.invoicedByMonth && (
            <Card title={t('dashboard.chartTitle')} className="card-wide">
              <InvoicedChart months={viewer.invoicedByMonth} />
            </Card>
          )}
          {viewer.openOrders && (
            <Card
              title={t('dashboard.openOrders')}
              link={{ to: '/orders', label: t('common.seeAll') }}
            >
              <OpenOrdersList
                orders={viewer.openOrders.edges.slice(0, PREVIEW).map((edge) => edge.node)}
              />
            </Card>
          )}
          {viewer.unpaidInvoices && (
            <Card
              title={t('dashboard.unpaidInvoices')}
              link={{ to: '/invoices?status=unpaid', label: t('common.seeAll') }}
            >
              <UnpaidInvoicesList
                invoices={viewer.unpaidInvoices.edges.slice(0, PREVIEW).map((edge) => edge.node)}
              />
            </Card>
          )}
          {viewer.documents && (
            <Card
              title={t('dashboard.latestDocuments')}
              link={{ to: '/documents', label: t('common.seeAll') }}
            >
              <LatestDocumentsList
                documents={viewer.documents.edges.slice(0, PREVIEW).map((edge) => edge.node)}
              />
            </Card>
          )}
        </div>
      )}
    </>
  );
}

export default DashboardRoute;
