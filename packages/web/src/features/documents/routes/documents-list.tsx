import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/page-header';
import { PagedList } from '@/components/paged-list';
import { useListParams, usePagedList } from '@/components/use-paged-list';
import { graphql } from '@/gql';
import { DocumentRow } from '../components/document-row';

export const DocumentsQuery = graphql(`
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
  const { pageSize } = useListParams();
  const list = usePagedList(DocumentsQuery, { first: pageSize }, (data) => data?.viewer?.documents);

  return (
    <>
      <PageHeader title={t('documents.title')} description={t('documents.intro')} />
      <PagedList
        list={list}
        caption={t('documents.title')}
        columns={[
          { label: t('documents.name') },
          { label: t('documents.kind') },
          { label: t('documents.relatedTo') },
          { label: t('documents.date') },
          { label: t('documents.size'), className: 'amount' },
        ]}
        row={(document) => <DocumentRow key={document.id} document={document} />}
        empty={t('documents.empty')}
      />
    </>
  );
}

export default DocumentsListRoute;
