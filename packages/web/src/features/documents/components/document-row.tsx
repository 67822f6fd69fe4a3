import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
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
    related {
      kind
      number
    }
  }
`);

const PAGES = { ORDER: '/orders/', INVOICE: '/invoices/' } as const;

/** What a document belongs to, in the UI's language, with a link to that order or invoice. */
export function RelatedRecord({ related }: { related: DocumentRow_DocumentFragment['related'] }) {
  const { t } = useTranslation();
  if (!related) return <>{t('common.none')}</>;
  if (related.kind === 'ACCOUNT' || !related.number) {
    return <>{t(`documents.related.${related.kind}`, { number: related.number ?? '' })}</>;
  }
  return (
    <Link to={`${PAGES[related.kind]}${encodeURIComponent(related.number)}`}>
      {t(`documents.related.${related.kind}`, { number: related.number })}
    </Link>
  );
}

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
      <td data-label={t('documents.relatedTo')}>
        <RelatedRecord related={document.related} />
      </td>
      <td data-label={t('documents.date')}>
        <DateText value={document.date} />
      </td>
      <td data-label={t('documents.size')} className="amount">
        <FileSize value={document.size} />
      </td>
    </tr>
  );
}
