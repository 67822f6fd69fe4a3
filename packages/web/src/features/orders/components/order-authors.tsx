import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '@/gql';
import type { OrderAuthors_OrderFragment } from '@/gql/graphql';

export const OrderAuthorsFragment = graphql(`
  fragment OrderAuthors_order on Order {
    requestedBy {
      email
    }
    acceptedBy {
      email
    }
    declinedBy {
      email
    }
  }
`);

const AUTHORS = ['requestedBy', 'acceptedBy', 'declinedBy'] as const;

/**
 * Who of the company asked for, accepted or declined the order on the portal (issue 16), as
 * the ERP recorded it: terms of the order's summary list, none when the staff did it all.
 */
export function OrderAuthors({ order }: { order: OrderAuthors_OrderFragment }) {
  const { t } = useTranslation();
  return (
    <>
      {AUTHORS.map((key) => {
        const author = order[key];
        if (!author) return null;
        return (
          <Fragment key={key}>
            <dt>{t(`orders.authors.${key}`)}</dt>
            <dd>{author.email}</dd>
          </Fragment>
        );
      })}
    </>
  );
}
