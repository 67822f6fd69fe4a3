import { type FormEvent, type ReactNode, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

export interface FilterOption {
  value: string;
  label: string;
}

/**
 * Search box, status select and date range, all kept in the URL (?q=&status=&from=&to=) so
 * a filtered list can be bookmarked, reloaded and left with the back button.
 */
export function ListFilters({
  searchLabel,
  searchPlaceholder,
  statusOptions,
  children,
}: {
  searchLabel: string;
  searchPlaceholder: string;
  statusOptions: FilterOption[];
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const [reversed, setReversed] = useState(false);
  const fromRef = useRef<HTMLInputElement>(null);
  // A shared or bookmarked link can carry reversed dates too: say so rather than "nothing".
  const urlReversed = isReversed(params.get('from'), params.get('to'));

  /** The URL without its filters: the page size and sort stay as they are. */
  const withoutFilters = () => {
    const next = new URLSearchParams(params);
    for (const key of FILTER_KEYS) next.delete(key);
    return next;
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const from = String(form.get('from') ?? '');
    const to = String(form.get('to') ?? '');
    if (isReversed(from, to)) {
      setReversed(true);
      fromRef.current?.focus();
      return;
    }
    setReversed(false);
    const next = withoutFilters();
    for (const key of FILTER_KEYS) {
      const value = String(form.get(key) ?? '').trim();
      if (value) next.set(key, value);
    }
    setParams(next);
  };
  const datesError = reversed || urlReversed;
  const active = FILTER_KEYS.some((key) => params.get(key));
  const refinements = ['status', 'from', 'to'].filter((key) => params.get(key)).length;
  // On phones the status and dates fold behind a toggle so the list stays in view.
  const [expanded, setExpanded] = useState(false);

  return (
    <form
      className="filters"
      aria-label={t('common.filters')}
      onSubmit={onSubmit}
      key={params.toString()}
      data-expanded={expanded}
    >
      <div className="field filter-search">
        <label htmlFor={`${id}-q`}>{searchLabel}</label>
        <input
          id={`${id}-q`}
          name="q"
          type="search"
          defaultValue={params.get('q') ?? ''}
          placeholder={searchPlaceholder}
        />
      </div>
      <button
        type="button"
        className="btn btn-secondary filter-toggle"
        aria-expanded={expanded}
        aria-controls={`${id}-more`}
        onClick={() => setExpanded((open) => !open)}
      >
        {t('common.filters')}
        {refinements > 0 && <span className="count-pill">{refinements}</span>}
      </button>
      <div className="filter-more" id={`${id}-more`}>
        <div className="field filter-status">
          <label htmlFor={`${id}-status`}>{t('common.status')}</label>
          <select
            id={`${id}-status`}
            name="status"
            defaultValue={params.get('status') ?? ''}
            onChange={(event) => event.currentTarget.form?.requestSubmit()}
          >
            {statusOptions.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-from`}>{t('common.from')}</label>
          <input
            id={`${id}-from`}
            ref={fromRef}
            name="from"
            type="date"
            defaultValue={params.get('from') ?? ''}
            aria-invalid={datesError || undefined}
            aria-describedby={datesError ? `${id}-dates` : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>{t('common.to')}</label>
          <input
            id={`${id}-to`}
            name="to"
            type="date"
            defaultValue={params.get('to') ?? ''}
            aria-invalid={datesError || undefined}
            aria-describedby={datesError ? `${id}-dates` : undefined}
          />
        </div>
      </div>
      {datesError && (
        <p className="field-error filter-error" id={`${id}-dates`} role="alert">
          {t('list.datesReversed')}
        </p>
      )}
      <div className="filter-actions">
        <button type="submit" className="btn btn-primary">
          {t('common.apply')}
        </button>
        {active && (
          <button
            type="button"
            className="btn btn-ghost"
            onClick={() => {
              setReversed(false);
              setParams(withoutFilters());
            }}
          >
            {t('common.clear')}
          </button>
        )}
      </div>
      {children}
    </form>
  );
}

const FILTER_KEYS = ['q', 'status', 'from', 'to'];

/** A "from" day after the "to" day (ISO dates compare as text). */
function isReversed(from: string | null, to: string | null): boolean {
  return Boolean(from && to && from > to);
}

/** The URL's filter values, for building the query's filter input. */
export function useFilterParams() {
  const [params] = useSearchParams();
  const value = (key: string) => params.get(key) || undefined;
  return {
    search: value('q'),
    status: value('status'),
    dateFrom: value('from'),
    dateTo: value('to'),
  };
}
