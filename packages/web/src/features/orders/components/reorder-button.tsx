import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '@/components/alert';
import { refusalMessage } from '@/lib/refusal-message';
import { useIdempotencyKey } from '@/lib/use-idempotency-key';
import { useReorder } from '../api/use-order-writes';

/** Orders a past order again: shows the new request and the lines left out. */
export function ReorderButton({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const [key] = useIdempotencyKey();
  const [reorder, { data, loading, error }] = useReorder();
  const [failed, setFailed] = useState(false);
  const made = data?.reorder;
  const run = async () => {
    setFailed(false);
    try {
      await reorder({ variables: { input: { orderId, idempotencyKey: key } } });
    } catch {
      setFailed(true);
    }
  };
  return (
    <div className="reorder">
      {made ? (
        <Alert tone="success">
          {t('orders.reorder.done')}{' '}
          <Link to={`/orders/${encodeURIComponent(made.order.number)}`}>{made.order.number}</Link>
          {made.leftOut.length > 0 && (
            <>
              <span> {t('orders.reorder.leftOut')}</span>
              <ul>
                {made.leftOut.map((line) => (
                  <li key={line.name}>
                    {line.name} × {line.quantity}
                  </li>
                ))}
              </ul>
            </>
          )}
        </Alert>
      ) : (
        <button
          type="button"
          className="btn btn-secondary"
          disabled={loading}
          onClick={() => void run()}
        >
          {t('orders.reorder.button')}
        </button>
      )}
      {failed && (
        <Alert tone="error">
          {refusalMessage(error, t, { NOTHING_TO_ORDER: 'orders.reorder.nothing' })}
        </Alert>
      )}
    </div>
  );
}
