import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/alert';
import { Checkbox } from '@/components/checkbox';
import { Field } from '@/components/field';
import { type RefusalKeys, refusalMessage } from '@/lib/refusal-message';
import { useIdempotencyKey } from '@/lib/use-idempotency-key';
import { useAcceptQuotation, useDeclineQuotation } from '../api/use-order-writes';

interface Props {
  order: { id: string; version: string };
}

/** The messages of a refused answer, by the gateway's code. */
const REFUSALS: RefusalKeys = {
  CONFLICT: 'orders.answer.conflict',
  QUOTATION_EXPIRED: 'orders.answer.expired',
  INVALID_STATE: 'orders.answer.invalidState',
  NOT_FOUND: 'orders.notFound',
};

/** Accept (name, purchase order, terms) or decline (reason) a quotation. */
export function QuotationAnswer({ order }: Props) {
  const { t } = useTranslation();
  const [key, renewKey] = useIdempotencyKey();
  const [accept, accepting] = useAcceptQuotation();
  const [decline, declining] = useDeclineQuotation();
  const [mode, setMode] = useState<'accept' | 'decline'>('accept');
  const [name, setName] = useState('');
  const [poReference, setPoReference] = useState('');
  const [terms, setTerms] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const busy = accepting.loading || declining.loading;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    if (mode === 'accept' && (!name.trim() || !terms)) {
      setProblem(t(!name.trim() ? 'orders.answer.nameRequired' : 'orders.answer.termsRequired'));
      return;
    }
    try {
      if (mode === 'accept') {
        const input = {
          orderId: order.id,
          version: order.version,
          idempotencyKey: key,
          name: name.trim(),
          poReference: poReference.trim() || null,
          acceptTerms: terms,
        };
        await accept({ variables: { input } });
        setDone('orders.answer.accepted');
      } else {
        const input = {
          orderId: order.id,
          version: order.version,
          idempotencyKey: key,
          reason: reason.trim() || null,
        };
        await decline({ variables: { input } });
        setDone('orders.answer.declined');
      }
    } catch (error) {
      renewKey();
      setProblem(refusalMessage(error, t, REFUSALS));
    }
  };

  if (done) return <Alert tone="success">{t(done)}</Alert>;
  return (
    <section className="card" aria-labelledby="quotation-answer">
      <h2 id="quotation-answer">{t('orders.answer.title')}</h2>
      <div className="segmented">
        <button type="button" aria-pressed={mode === 'accept'} onClick={() => setMode('accept')}>
          {t('orders.answer.accept')}
        </button>
        <button type="button" aria-pressed={mode === 'decline'} onClick={() => setMode('decline')}>
          {t('orders.answer.decline')}
        </button>
      </div>
      <form onSubmit={(event) => void submit(event)} noValidate>
        {problem && <Alert tone="error">{problem}</Alert>}
        {mode === 'accept' ? (
          <>
            <Field
              label={t('orders.answer.name')}
              value={name}
              maxLength={100}
              autoComplete="name"
              onChange={(e) => setName(e.target.value)}
            />
            <Field
              label={t('orders.answer.poReference')}
              value={poReference}
              maxLength={100}
              onChange={(e) => setPoReference(e.target.value)}
            />
            <Checkbox
              label={t('orders.answer.terms')}
              checked={terms}
              onChange={(e) => setTerms(e.target.checked)}
            />
          </>
        ) : (
          <Field
            label={t('orders.answer.reason')}
            value={reason}
            maxLength={1000}
            onChange={(e) => setReason(e.target.value)}
          />
        )}
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {mode === 'accept' ? t('orders.answer.confirmAccept') : t('orders.answer.confirmDecline')}
        </button>
      </form>
    </section>
  );
}
