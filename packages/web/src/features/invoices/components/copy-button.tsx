import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Copies `value` to the clipboard; says so (or that it failed: the value stays selectable on
 * the page) in a polite live region, so screen readers hear it too.
 */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setStatus('copied');
    } catch {
      setStatus('failed');
    }
  };
  return (
    <span className="copy">
      <button type="button" className="btn btn-secondary btn-small" onClick={copy}>
        {t('payment.copy')}
        <span className="visually-hidden"> {label}</span>
      </button>
      <span role="status" aria-live="polite" className="copy-status">
        {status === 'copied' && t('payment.copied')}
        {status === 'failed' && <span className="text-danger">{t('payment.copyFailed')}</span>}
      </span>
    </span>
  );
}
