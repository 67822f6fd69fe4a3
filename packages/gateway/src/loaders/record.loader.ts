import type { ReadRow } from '@portal/tryton-client';
import DataLoader from 'dataloader';
import type { CustomerTryton } from '../tryton/customer-tryton.js';
import { type Fields, ID_FIELDS, type ModelName } from '../tryton/rows.js';

/** What the loaders keep, whatever the model: each `load` gives it back as its `ReadRow`. */
type Row = Record<string, unknown>;

/**
 * One DataLoader per model and field set, per request: every `load` of the same tick is one
 * Tryton call, so a page of 50 orders reads all their lines in one call, not fifty.
 *
 * Below it, CustomerTryton.records asks the cache for the whole batch first and Tryton only
 * for the misses.
 */
export class RecordLoaders {
  private readonly loaders = new Map<string, DataLoader<number, Row | null>>();

  constructor(private readonly tryton: CustomerTryton) {}

  private loader<T extends object, F extends Fields<T>>(
    model: ModelName<T>,
    fields: F,
    archived = false,
  ): DataLoader<number, Row | null> {
    const key = `${model}\u0000${fields.join(',')}\u0000${archived}`;
    let loader = this.loaders.get(key);
    if (!loader) {
      loader = new DataLoader<number, Row | null>(async (ids) => {
        const byId = await this.tryton.records<T, F>(model, [...ids], fields, { archived });
        return ids.map((id) => (byId.get(id) as Row | undefined) ?? null);
      });
      this.loaders.set(key, loader);
    }
    return loader;
  }

  /** The rows of `ids` that exist (`archived`: archived ones too), in the order of `ids`. */
  async load<T extends object, const F extends Fields<T>>(
    model: ModelName<T>,
    fields: F,
    ids: number[],
    { archived = false }: { archived?: boolean } = {},
  ): Promise<ReadRow<T, F>[]> {
    if (ids.length === 0) return [];
    const rows = await this.loader(model, fields, archived).loadMany(ids);
    for (const row of rows) if (row instanceof Error) throw row;
    return rows.filter((row): row is Row => row !== null && !(row instanceof Error)) as ReadRow<
      T,
      F
    >[];
  }

  /**
   * How many of `ids` the customer may read: the ids searched within the customer's scope
   * (`records`), batched with every count of the same tick and cached like any record. The
   * ids a record holds may name records the customer does not see: never counted.
   */
  async count(model: ModelName<{ id: number }>, ids: number[]): Promise<number> {
    return (await this.load(model, ID_FIELDS, ids)).length;
  }

  /** Primes rows read by a search, so later loads of them cost nothing. */
  prime<T extends object, const F extends Fields<T>>(
    model: ModelName<T>,
    fields: F,
    rows: ReadRow<T, F>[],
  ): void {
    const loader = this.loader(model, fields);
    for (const row of rows as Row[]) loader.prime(row.id as number, row);
  }
}
