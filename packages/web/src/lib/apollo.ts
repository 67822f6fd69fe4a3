import {
  ApolloClient,
  ApolloLink,
  CombinedGraphQLErrors,
  HttpLink,
  InMemoryCache,
} from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { relayStylePagination } from '@apollo/client/utilities';
import { map } from 'rxjs';
import { reportSessionLost } from './session-events';

export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      Customer: {
        fields: {
          // `first` and `after` page through one list; a filter or a sort makes it another list.
          orders: relayStylePagination(['filter', 'sort']),
          invoices: relayStylePagination(['filter', 'sort']),
          documents: relayStylePagination(),
        },
      },
      // Value objects without identity: stored inside their parent.
      Money: { keyFields: false },
      MonthlyAmount: { keyFields: false },
      InvoiceTax: { keyFields: false },
      DocumentRecord: { keyFields: false },
    },
  });
}

/**
 * The gateway answers `viewer: null` to an anonymous request and UNAUTHENTICATED to a
 * mutation without session: either way the session is gone (expired, or signed out elsewhere).
 * A `viewer: null` that comes with errors is not that: a field the role may not read
 * (FORBIDDEN, issue 16) or a failed read nulls the viewer too, and the page says why; the
 * member stays signed in.
 */
function sessionLink(): ApolloLink {
  const errors = new ErrorLink(({ error }) => {
    if (
      CombinedGraphQLErrors.is(error) &&
      error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')
    ) {
      reportSessionLost();
    }
  });
  const anonymousViewer = new ApolloLink((operation, forward) =>
    forward(operation).pipe(
      map((result) => {
        const data = result.data as { viewer?: unknown } | null | undefined;
        if (
          operation.getContext().expectsViewer !== false &&
          data &&
          data.viewer === null &&
          !result.errors?.length
        ) {
          reportSessionLost();
        }
        return result;
      }),
    ),
  );
  return ApolloLink.from([errors, anonymousViewer]);
}

export interface ClientOptions {
  /** The UI language, sent as Accept-Language so Tryton translates product names. */
  getLanguage: () => string;
  uri?: string;
  /** For tests; the browser's fetch otherwise. */
  fetch?: typeof fetch;
}

export function createApolloClient({ getLanguage, uri = '/graphql', fetch }: ClientOptions) {
  const language = new ApolloLink((operation, forward) => {
    operation.setContext(({ headers }: { headers?: Record<string, string> }) => ({
      headers: { ...headers, 'Accept-Language': getLanguage() },
    }));
    return forward(operation);
  });
  // The session is an HttpOnly cookie: nothing to store or attach in JavaScript.
  const http = new HttpLink({ uri, credentials: 'same-origin', ...(fetch ? { fetch } : {}) });
  return new ApolloClient({
    link: ApolloLink.from([sessionLink(), language, http]),
    cache: createCache(),
    // Pages show what is cached at once and revalidate it: invoices get paid, orders ship,
    // and a session that expired is noticed even on a page seen before.
    defaultOptions: {
      watchQuery: { fetchPolicy: 'cache-and-network', nextFetchPolicy: 'cache-first' },
    },
  });
}
