import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '@/gql';

const AcceptQuotationMutation = graphql(`
  mutation AcceptQuotation($input: AcceptQuotationInput!) {
    acceptQuotation(input: $input) {
      replayed
      order {
        id
        state
        version
      }
    }
  }
`);

const DeclineQuotationMutation = graphql(`
  mutation DeclineQuotation($input: DeclineQuotationInput!) {
    declineQuotation(input: $input) {
      replayed
      order {
        id
        state
        version
      }
    }
  }
`);

const ReorderMutation = graphql(`
  mutation Reorder($input: ReorderInput!) {
    reorder(input: $input) {
      replayed
      order {
        id
        number
        state
      }
      leftOut {
        name
        quantity
      }
    }
  }
`);

/**
 * One idempotency key per action shown: a double click or a retry sends the same key, so the
 * gateway writes once; `renew` after a refusal the customer has to correct (a new input).
 */
export function useIdempotencyKey() {
  const [key, setKey] = useState(() => crypto.randomUUID());
  return [key, () => setKey(crypto.randomUUID())] as const;
}

/** Accepting a quotation; the order in the cache gets its new state from the answer. */
export function useAcceptQuotation() {
  return useMutation(AcceptQuotationMutation);
}

export function useDeclineQuotation() {
  return useMutation(DeclineQuotationMutation);
}

/** The new request is listed in the orders: the lists are read again. */
export function useReorder() {
  return useMutation(ReorderMutation, { refetchQueries: 'active' });
}
