// The Apollo links notice a lost session far from the router; this tiny bus carries the news to
// the component that can navigate (RequireAuth), without a global store.
type Listener = () => void;
const listeners = new Set<Listener>();

export function onSessionLost(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function reportSessionLost(): void {
  for (const listener of listeners) listener();
}
