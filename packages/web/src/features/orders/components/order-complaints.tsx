import { useTranslation } from 'react-i18next';
import { DateText } from '@/components/format';
import { graphql } from '@/gql';
import type { ComplaintState, OrderComplaints_OrderFragment } from '@/gql/graphql';
import { useCan } from '@/lib/use-can';
import { ComplaintForm } from './complaint-form';

export const OrderComplaintsFragment = graphql(`
  fragment OrderComplaints_order on Order {
    id
    state
    version
    lines(first: 100) {
      id
      description
    }
    complaints(first: 20) {
      id
      number
      state
      typeName
      description
      answer
      date
      line {
        id
        description
      }
      files @include(if: $withDocuments) {
        id
        name
        url
      }
    }
  }
`);

/** How many complaints the order page shows: a nested list costs its `first`. */
export const COMPLAINTS_SHOWN = 20;

const TONES: Record<ComplaintState, string> = {
  SUBMITTED: 'info',
  ACCEPTED: 'warning',
  REJECTED: 'danger',
  RESOLVED: 'success',
  CANCELLED: 'neutral',
};

/** Orders the company takes complaints on (the same states Tryton's sale_complaint allows). */
const OPEN_TO_COMPLAINTS = new Set(['CONFIRMED', 'PROCESSING', 'DONE']);

/** The problems reported on an order, their state and the company's answer; and the form. */
export function OrderComplaints({ order }: { order: OrderComplaints_OrderFragment }) {
  const { t } = useTranslation();
  const can = useCan();
  // Filing is a write on the order (buyers and administrators); every reader sees the list.
  const canFile = OPEN_TO_COMPLAINTS.has(order.state) && can('ORDERS_WRITE');
  if (!canFile && order.complaints.length === 0) return null;
  return (
    <section className="card complaints" aria-labelledby="order-complaints">
      <h2 id="order-complaints">{t('orders.complaints.title')}</h2>
      {order.complaints.length > 0 && (
        <ul className="complaint-list">
          {order.complaints.map((complaint) => (
            <li key={complaint.id} className="complaint">
              <p className="meta-line">
                <strong>{complaint.typeName}</strong>
                <span className={`badge badge-${TONES[complaint.state]}`}>
                  {t(`orders.complaints.states.${complaint.state}`)}
                </span>
                {complaint.date && <DateText value={complaint.date} />}
                {complaint.number && <span>· {complaint.number}</span>}
              </p>
              <p className="complaint-about">
                {complaint.line
                  ? t('orders.complaints.aboutLine', { line: complaint.line.description })
                  : t('orders.complaints.aboutOrder')}
              </p>
              <p className="complaint-text">{complaint.description}</p>
              {complaint.files && complaint.files.length > 0 && (
                <ul className="complaint-files">
                  {complaint.files.map((file) => (
                    <li key={file.id}>
                      <a href={file.url}>{file.name}</a>
                    </li>
                  ))}
                </ul>
              )}
              <div className="complaint-answer">
                <h3>{t('orders.complaints.answer')}</h3>
                <p>{complaint.answer ?? t('orders.complaints.noAnswer')}</p>
              </div>
            </li>
          ))}
        </ul>
      )}
      {canFile && <ComplaintForm orderId={order.id} version={order.version} lines={order.lines} />}
    </section>
  );
}
