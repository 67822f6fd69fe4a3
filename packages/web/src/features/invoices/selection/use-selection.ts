import { useCallback, useMemo, useState } from 'react';

export interface Selection {
  /** The selected ids, in the order they were picked. */
  ids: string[];
  isSelected: (id: string) => boolean;
  toggle: (id: string) => void;
  /** Selects every shown row, or clears them all when all are selected already. */
  toggleAllShown: () => void;
  /** Every shown row is selected (and at least one is shown). */
  allShown: boolean;
  /** Some but not all shown rows are selected: the header checkbox is "mixed". */
  someShown: boolean;
  clear: () => void;
}

/**
 * Rows picked one by one, or all those shown at once. The selection starts empty again when
 * `scope` changes (a new filter): an export never holds invoices the list no longer shows.
 */
export function useSelection(shown: string[], scope: string): Selection {
  const [state, setState] = useState<{ scope: string; ids: string[] }>({ scope, ids: [] });
  // Reset during render when the scope changes, as React advises for derived state.
  const ids = state.scope === scope ? state.ids : [];
  if (state.scope !== scope) setState({ scope, ids: [] });

  const picked = useMemo(() => new Set(ids), [ids]);
  const shownPicked = shown.filter((id) => picked.has(id)).length;
  const allShown = shown.length > 0 && shownPicked === shown.length;

  const toggle = useCallback(
    (id: string) =>
      setState((s) => ({
        scope: s.scope,
        ids: s.ids.includes(id) ? s.ids.filter((other) => other !== id) : [...s.ids, id],
      })),
    [],
  );
  const toggleAllShown = useCallback(() => {
    setState((s) => {
      const current = new Set(s.ids);
      const everyShown = shown.length > 0 && shown.every((id) => current.has(id));
      return {
        scope: s.scope,
        ids: everyShown
          ? s.ids.filter((id) => !shown.includes(id))
          : [...s.ids, ...shown.filter((id) => !current.has(id))],
      };
    });
  }, [shown]);
  const clear = useCallback(() => setState((s) => ({ scope: s.scope, ids: [] })), []);

  return {
    ids,
    isSelected: (id) => picked.has(id),
    toggle,
    toggleAllShown,
    allShown,
    someShown: shownPicked > 0 && !allShown,
    clear,
  };
}
