import { useMutation } from '@apollo/client/react';
import { graphql } from '@/gql';
import { useCan } from '@/lib/use-can';

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

const FileComplaintMutation = graphql(`
  mutation FileComplaint($input: FileComplaintInput!, $withDocuments: Boolean! = true) {
    fileComplaint(input: $input) {
      replayed
      order {
        id
        ...OrderComplaints_order
      }
    }
  }
`);

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

/**
 * A complaint on an order: the order's complaints in the cache come with the answer (their
 * files only for a role that reads documents, as on the order's page).
 */
export function useFileComplaint() {
  const can = useCan();
  return useMutation(FileComplaintMutation, {
    variables: { withDocuments: can('DOCUMENTS_READ') },
  });
}
