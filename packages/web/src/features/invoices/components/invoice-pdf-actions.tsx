import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DownloadIcon, ExternalIcon } from '@/components/icons';
import { fileNameOf, readWithProgress, saveBlob } from '@/lib/download';
import { reportSessionLost } from '@/lib/session-events';

type Progress =
  | { status: 'idle' | 'done' | 'error' }
  | { status: 'loading'; received: number; total: number | null };

/**
 * The gateway renders the PDF on demand (Tryton's report engine, a few seconds): the download
 * button fetches it itself to show "generating" then the bytes received, instead of a silent
 * wait. "Open in a new tab" is a plain link the browser handles.
 */
export function InvoicePdfActions({ pdfUrl, number }: { pdfUrl: string; number: string }) {
  const { t } = useTranslation();
  const [progress, setProgress] = useState<Progress>({ status: 'idle' });

  const download = async () => {
    setProgress({ status: 'loading', received: 0, total: null });
    try {
      const response = await fetch(pdfUrl, { credentials: 'same-origin' });
      if (response.status === 401) {
        reportSessionLost();
        return;
      }
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const blob = await readWithProgress(response, (received, total) =>
        setProgress({ status: 'loading', received, total }),
      );
      const name = fileNameOf(response) ?? t('invoices.fileName', { number });
      saveBlob(blob, name);
      setProgress({ status: 'done' });
    } catch {
      setProgress({ status: 'error' });
    }
  };

  const loading = progress.status === 'loading';
  const percent =
    loading && progress.total ? Math.round((progress.received / progress.total) * 100) : null;

  return (
    <div className="pdf-actions">
      <div className="pdf-buttons">
        <button type="button" className="btn btn-primary" onClick={download} disabled={loading}>
          <DownloadIcon /> {t('invoices.download')}
        </button>
        <a className="btn btn-secondary" href={`${pdfUrl}?inline=1`} target="_blank" rel="noopener">
          <ExternalIcon /> {t('invoices.open')}
          <span className="visually-hidden"> {t('invoices.opensInNewTab')}</span>
        </a>
      </div>
      <div className="pdf-status" role="status" aria-live="polite">
        {loading && (
          <>
            <progress
              max={100}
              value={percent ?? undefined}
              aria-label={
                percent === null ? t('invoices.generating') : t('invoices.downloading', { percent })
              }
            />
            <span>
              {percent === null ? t('invoices.generating') : t('invoices.downloading', { percent })}
            </span>
          </>
        )}
        {progress.status === 'done' && <span>{t('invoices.downloaded')}</span>}
        {progress.status === 'error' && (
          <span className="text-danger">{t('invoices.downloadError')}</span>
        )}
      </div>
    </div>
  );
}
