/** The file name of an invoice's PDF, in the customer's language (the browser saves it so). */
export function invoiceFileName(number: string, language: 'fr' | 'en', format = 'pdf'): string {
  return `${language === 'en' ? 'Invoice' : 'Facture'} ${number}.${format}`;
}
