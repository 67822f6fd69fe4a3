import { useMemo } from 'react';
import { useLocation } from 'react-router';

/**
 * The parameters of a link from one of Tryton's e-mails (reset, validation). The portal's
 * Tryton module puts them in the URL fragment, which browsers never send, so that tokens stay
 * out of the access logs of every proxy on the way (docs/security.md). Links sent before that
 * change carry them in the query string: both are read, the fragment first.
 */
export function useLinkParams(): URLSearchParams {
  const { hash, search } = useLocation();
  return useMemo(() => {
    const params = new URLSearchParams(search);
    for (const [key, value] of new URLSearchParams(hash.replace(/^#/, ''))) {
      params.set(key, value);
    }
    return params;
  }, [hash, search]);
}
