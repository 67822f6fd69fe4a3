import { useTranslation } from 'react-i18next';
import { DateText, FileSize } from '@/components/format';
import { DownloadIcon } from '@/components/icons';
import { graphql } from '@/gql';
import type { DocumentRow_DocumentFragment } from '@/gql/graphql';

export const DocumentRowFragment = graphql(`
  fragment DocumentRow_document on Document {
    id
    name
    kind
    date
    size
    url
    relatedTo
  }
`);

export function DocumentRow({ document }: { document: DocumentRow_DocumentFragment }) {
  const { t } = useTranslation();
  return (
    <tr>
      <th scope="row" data-label={t('documents.name')}>
        <a href={document.url} download className="document-link">
          <DownloadIcon /> {document.name}
        </a>
      </th>
      <td data-label={t('documents.kind')}>{t(`documents.kinds.${document.kind}`)}</td>
      <td data-label={t('documents.relatedTo')}>{document.relatedTo ?? t('common.none')}</td>
      <td data-label={t('documents.date')}>
        <DateText value={document.date} />
      </td>
      <td data-label={t('documents.size')} className="amount">
        <FileSize value={document.size} />
      </td>
    </tr>
  );
}
