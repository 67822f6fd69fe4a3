import DataLoader from 'dataloader';
import type { CustomerTryton } from '../tryton/customer-tryton.js';

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

  private loader(
    model: string,
    fields: string[],
    archived = false,
  ): DataLoader<number, Row | null> {
    const key = `${model}\u0000${fields.join(',')}\u0000${archived}`;
    let loader = this.loaders.get(key);
    if (!loader) {
      loader = new DataLoader<number, Row | null>(async (ids) => {
        const byId = await this.tryton.records(model, [...ids], fields, { archived });
        return ids.map((id) => byId.get(id) ?? null);
      });
      this.loaders.set(key, loader);
    }
    return loader;
  }

  /** The rows of `ids` that exist (`archived`: archived ones too), in the order of `ids`. */
  async load(
    model: string,
    fields: string[],
    ids: number[],
    { archived = false }: { archived?: boolean } = {},
  ): Promise<Row[]> {
    if (ids.length === 0) return [];
    const rows = await this.loader(model, fields, archived).loadMany(ids);
    for (const row of rows) if (row instanceof Error) throw row;
    return rows.filter((row): row is Row => row !== null && !(row instanceof Error));
  }

  /** Primes rows read by a search, so later loads of them cost nothing. */
  prime(model: string, fields: string[], rows: Row[]): void {
    const loader = this.loader(model, fields);
    for (const row of rows) loader.prime(row.id as number, row);
  }
}
