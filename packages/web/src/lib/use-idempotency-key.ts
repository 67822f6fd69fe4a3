import { useState } from 'react';

/**
 * One idempotency key per action shown: a double click or a retry sends the same key, so the
 * gateway writes once; `renew` after a refusal the customer has to correct (a new input).
 */
export function useIdempotencyKey() {
  const [key, setKey] = useState(() => crypto.randomUUID());
  return [key, () => setKey(crypto.randomUUID())] as const;
}
