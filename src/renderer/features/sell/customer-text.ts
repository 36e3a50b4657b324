import { receiptLabels } from '../../../shared/receipt-labels';

/** "CC 80123456" from a document type code and number (the short names printed on receipts). */
export function documentText(documentType: string | null, document: string | null, language: string | undefined): string {
  if (!document) return '';
  const short = documentType ? (receiptLabels(language ?? 'es').documentType[documentType] ?? documentType) : '';
  return `${short} ${document}`.trim();
}
