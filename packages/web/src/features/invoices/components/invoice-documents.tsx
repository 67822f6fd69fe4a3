import { useTranslation } from 'react-i18next';
import { DateText, FileSize } from '@/components/format';
import { graphql } from '@/gql';
import type { InvoiceDocuments_InvoiceFragment } from '@/gql/graphql';

export const InvoiceDocumentsFragment = graphql(`
  fragment InvoiceDocuments_invoice on Invoice {
    documents(first: 20) {
      id
      name
      size
      date
      url
    }
  }
`);

/** The files attached to an invoice (a delivery note, a statement); its PDF is above. */
export function InvoiceDocuments({ invoice }: { invoice: InvoiceDocuments_InvoiceFragment }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="invoice-documents">
      <h2 id="invoice-documents">{t('invoices.documents')}</h2>
      {invoice.documents.length === 0 ? (
        <p className="muted">{t('invoices.noDocuments')}</p>
      ) : (
        <ul className="mini-list">
          {invoice.documents.map((document) => (
            <li key={document.id}>
              <div>
                <a href={document.url} download>
                  {document.name}
                </a>
                <span className="muted small">
                  <DateText value={document.date} /> · <FileSize value={document.size} />
                </span>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
