import { useTranslation } from 'react-i18next';
import { DocumentList } from '@/components/document-list';
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
      <DocumentList
        documents={invoice.documents}
        empty={<p className="muted">{t('invoices.noDocuments')}</p>}
      />
    </section>
  );
}
