import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, ListSkeleton, LoadMore } from '@/components/list-states';
import { PageHeader } from '@/components/page-header';
import { graphql } from '@/gql';
import { DocumentRow } from '../components/document-row';

const PAGE_SIZE = 20;

const DocumentsQuery = graphql(`
  query Documents($first: Int!, $after: String) {
    viewer {
      id
      documents(first: $first, after: $after) {
        totalCount
        edges {
          cursor
          node {
            ...DocumentRow_document
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

export function DocumentsListRoute() {
  const { t } = useTranslation();
  const { data, error, refetch, fetchMore } = useQuery(DocumentsQuery, {
    variables: { first: PAGE_SIZE },
  });
  const connection = data?.viewer?.documents;

  let content: React.ReactNode;
  if (error && !connection) {
    content = <ErrorState error={error} onRetry={() => void refetch()} />;
  } else if (!connection) {
    content = <ListSkeleton rows={8} />;
  } else if (connection.edges.length === 0) {
    content = <EmptyState>{t('documents.empty')}</EmptyState>;
  } else {
    content = (
      <>
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{t('documents.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('documents.name')}</th>
                <th scope="col">{t('documents.kind')}</th>
                <th scope="col">{t('documents.relatedTo')}</th>
                <th scope="col">{t('documents.date')}</th>
                <th scope="col" className="amount">
                  {t('documents.size')}
                </th>
              </tr>
            </thead>
            <tbody>
              {connection.edges.map(({ node }) => (
                <DocumentRow key={node.id} document={node} />
              ))}
            </tbody>
          </table>
        </div>
        <LoadMore
          shown={connection.edges.length}
          total={connection.totalCount}
          hasNextPage={connection.pageInfo.hasNextPage}
          onLoadMore={() => fetchMore({ variables: { after: connection.pageInfo.endCursor } })}
        />
      </>
    );
  }

  return (
    <>
      <PageHeader title={t('documents.title')} description={t('documents.intro')} />
      {content}
    </>
  );
}

export default DocumentsListRoute;
