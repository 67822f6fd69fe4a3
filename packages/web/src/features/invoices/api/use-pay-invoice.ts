import { useMutation } from '@apollo/client/react';
import { graphql } from '@/gql';

const PayInvoiceMutation = graphql(`
  mutation PayInvoice($input: PayInvoiceInput!) {
    payInvoice(input: $input) {
      checkoutUrl
      replayed
    }
  }
`);

/**
 * Starting an online payment: the answer is where to send the customer (Tryton's Stripe
 * checkout page). Nothing in the cache changes before the customer comes back.
 */
export function usePayInvoice() {
  return useMutation(PayInvoiceMutation);
}
