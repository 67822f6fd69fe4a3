import { useTranslation } from 'react-i18next';

/**
 * The texts of the invoice selection. They live here, in the invoices route's chunk, not in
 * src/locales: the French locale ships with the sign-in page, whose size budget is nearly
 * spent (scripts/size.mjs).
 */
export interface SelectionTexts {
  /** The header checkbox's label. */
  selectAll: string;
  /** A row's checkbox label, naming the invoice. */
  selectOne: (number: string) => string;
  /** How many are selected (a live status). */
  selected: (count: number) => string;
  clear: string;
  /** The ZIP export's label; count null while the list's size is unknown. */
  exportZip: (count: number | null) => string;
  exportCsv: (count: number | null) => string;
  /** Why an export is disabled: more invoices than `limit` (Customer.exportLimits). */
  tooMany: (limit: number, kind: 'zip' | 'csv') => string;
}

const format = (language: string, count: number) =>
  new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'fr-FR').format(count);

const fr: SelectionTexts = {
  selectAll: 'Sélectionner toutes les factures affichées',
  selectOne: (number) => `Sélectionner la facture ${number}`,
  selected: (count) =>
    count === 1 ? '1 facture sélectionnée' : `${format('fr', count)} factures sélectionnées`,
  clear: 'Effacer la sélection',
  exportZip: (count) =>
    count === null
      ? 'Exporter les factures (ZIP)'
      : `Exporter ${format('fr', count)} facture${count === 1 ? '' : 's'} (ZIP)`,
  exportCsv: (count) =>
    count === null
      ? 'Exporter en CSV'
      : `Exporter ${format('fr', count)} facture${count === 1 ? '' : 's'} en CSV`,
  tooMany: (limit, kind) =>
    `${kind === 'zip' ? 'Un ZIP' : 'Un CSV'} contient au plus ${format('fr', limit)} factures : sélectionnez-en moins ou affinez les filtres.`,
};

const en: SelectionTexts = {
  selectAll: 'Select all invoices shown',
  selectOne: (number) => `Select invoice ${number}`,
  selected: (count) =>
    count === 1 ? '1 invoice selected' : `${format('en', count)} invoices selected`,
  clear: 'Clear the selection',
  exportZip: (count) =>
    count === null
      ? 'Export the invoices (ZIP)'
      : `Export ${format('en', count)} invoice${count === 1 ? '' : 's'} (ZIP)`,
  exportCsv: (count) =>
    count === null
      ? 'Export as CSV'
      : `Export ${format('en', count)} invoice${count === 1 ? '' : 's'} as CSV`,
  tooMany: (limit, kind) =>
    `One ${kind === 'zip' ? 'ZIP' : 'CSV'} holds at most ${format('en', limit)} invoices: select fewer or narrow the filters.`,
};

/** The selection's texts in the app's current language. */
export function useSelectionTexts(): SelectionTexts {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? en : fr;
}
