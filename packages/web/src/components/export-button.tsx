import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DownloadIcon } from '@/components/icons';
import { downloadError, fileNameOf, readWithProgress, saveBlob } from '@/lib/download';
import { formatBytes } from '@/lib/format';
import { reportSessionLost } from '@/lib/session-events';

type State =
  | { status: 'idle' | 'done' }
  | { status: 'loading'; received: number }
  | { status: 'error'; message: string };

/**
 * A button that downloads one of the gateway's bulk exports (a ZIP of invoice PDFs, a CSV of a
 * list). A ZIP is streamed as Tryton renders each PDF, with no length known in advance: the
 * button shows the bytes received so far, then saves the file under the gateway's name.
 */
export function ExportButton({
  href,
  label,
  fallbackName,
  unavailable,
}: {
  href: string;
  label: string;
  /** The file name when the gateway gives none. */
  fallbackName: string;
  /**
   * Why this export cannot be asked for now (more than the gateway's limit): the button is
   * disabled and the reason shown beside it, instead of a refusal after the click.
   */
  unavailable?: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const reasonId = useId();
  const [state, setState] = useState<State>({ status: 'idle' });

  const failure = async (response: Response): Promise<string> => {
    const error = await downloadError(response);
    switch (error?.code) {
      case 'EXPORT_TOO_LARGE':
        return t('exports.tooLarge', { count: error.count ?? 0, limit: error.limit ?? 0 });
      case 'NOT_FOUND':
        return t('exports.empty');
      case 'THROTTLED':
        return t('exports.throttled', { seconds: error.retryAfter ?? 1 });
      default:
        return t('exports.error');
    }
  };

  const run = async () => {
    setState({ status: 'loading', received: 0 });
    try {
      const response = await fetch(href, { credentials: 'same-origin' });
      if (response.status === 401) {
        setState({ status: 'idle' });
        reportSessionLost();
        return;
      }
      if (!response.ok) {
        setState({ status: 'error', message: await failure(response) });
        return;
      }
      const blob = await readWithProgress(response, (received) =>
        setState({ status: 'loading', received }),
      );
      saveBlob(blob, fileNameOf(response) ?? fallbackName);
      setState({ status: 'done' });
    } catch {
      setState({ status: 'error', message: t('exports.error') });
    }
  };

  const loading = state.status === 'loading';
  const units = t('units', { returnObjects: true }) as Record<string, string>;
  return (
    <div className="export-action">
      <button
        type="button"
        className="btn btn-secondary"
        onClick={run}
        disabled={loading || unavailable !== undefined}
        aria-describedby={unavailable === undefined ? undefined : reasonId}
      >
        <DownloadIcon /> {label}
      </button>
      <span className="export-status" aria-live="polite" id={reasonId}>
        {unavailable}
        {loading &&
          (state.received === 0
            ? t('exports.preparing')
            : t('exports.received', { size: formatBytes(state.received, i18n.language, units) }))}
        {state.status === 'done' && t('exports.done')}
        {state.status === 'error' && <span className="text-danger">{state.message}</span>}
      </span>
    </div>
  );
}
