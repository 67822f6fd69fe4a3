import type { CallOptions, Domain, TrytonClient } from './client.js';
import type { CheckedList, FieldPath, ReadRow, UncheckedList } from './fields.js';

/** A direction, with Tryton's NULLS FIRST / NULLS LAST when nulls must not sort by backend. */
export type Direction =
  | 'ASC'
  | 'DESC'
  | 'ASC NULLS FIRST'
  | 'ASC NULLS LAST'
  | 'DESC NULLS FIRST'
  | 'DESC NULLS LAST';
export type Order = [field: string, direction: Direction][];

export interface SearchOptions extends CallOptions {
  offset?: number;
  limit?: number | null;
  order?: Order | null;
}

/**
 * The standard methods of one Tryton model. `T` describes the rows read: with dotted fields,
 * related values come under the field name plus a dot (`'party.': { rec_name: string }`).
 * `read` and `searchRead` given a readonly field list (`[...] as const`) check each path
 * against `T` and return exactly the shape Tryton sends (`ReadRow`); a mutable list is not
 * checked and returns `T`, as it always did.
 */
export class Model<T extends object = Record<string, unknown>> {
  constructor(
    private readonly client: TrytonClient,
    readonly name: string,
  ) {}

  private method(name: string): string {
    return `model.${this.name}.${name}`;
  }

  async search(domain: Domain, options: SearchOptions = {}): Promise<number[]> {
    return (await this.client.call(
      this.method('search'),
      [domain, options.offset ?? 0, options.limit ?? null, options.order ?? null],
      options,
    )) as number[];
  }

  /** Rows in search order. */
  searchRead<F extends readonly FieldPath<T>[]>(
    domain: Domain,
    fields: F & CheckedList<F>,
    options?: SearchOptions,
  ): Promise<ReadRow<T, F>[]>;
  searchRead<F extends readonly string[]>(
    domain: Domain,
    fields: F & UncheckedList<F>,
    options?: SearchOptions,
  ): Promise<T[]>;
  async searchRead(
    domain: Domain,
    fields: readonly string[],
    options: SearchOptions = {},
  ): Promise<unknown[]> {
    return (await this.client.call(
      this.method('search_read'),
      [domain, options.offset ?? 0, options.limit ?? null, options.order ?? null, fields],
      options,
    )) as unknown[];
  }

  /** Rows in the order of `ids`, whatever order Tryton answers in. */
  read<F extends readonly FieldPath<T>[]>(
    ids: number[],
    fields: F & CheckedList<F>,
    options?: CallOptions,
  ): Promise<ReadRow<T, F>[]>;
  read<F extends readonly string[]>(
    ids: number[],
    fields: F & UncheckedList<F>,
    options?: CallOptions,
  ): Promise<T[]>;
  async read(
    ids: number[],
    fields: readonly string[],
    options: CallOptions = {},
  ): Promise<unknown[]> {
    if (ids.length === 0) return [];
    const rows = (await this.client.call(this.method('read'), [ids, fields], options)) as {
      id: number;
    }[];
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [row] : [];
    });
  }

  async searchCount(domain: Domain, options: CallOptions = {}): Promise<number> {
    return (await this.client.call(this.method('search_count'), [domain], options)) as number;
  }

  async create(values: Record<string, unknown>[], options: CallOptions = {}): Promise<number[]> {
    return (await this.client.call(this.method('create'), [values], options)) as number[];
  }

  /** `write(ids, values)`; more pairs in one call with `writeMany`. */
  async write(
    ids: number[],
    values: Record<string, unknown>,
    options: CallOptions = {},
  ): Promise<void> {
    if (ids.length === 0) return;
    await this.client.call(this.method('write'), [ids, values], options);
  }

  async writeMany(
    pairs: [ids: number[], values: Record<string, unknown>][],
    options: CallOptions = {},
  ): Promise<void> {
    if (pairs.length === 0) return;
    await this.client.call(this.method('write'), pairs.flat(), options);
  }

  async delete(ids: number[], options: CallOptions = {}): Promise<void> {
    if (ids.length === 0) return;
    await this.client.call(this.method('delete'), [ids], options);
  }

  /** A workflow button (`quote`, `confirm`, `post`...) on many records at once. */
  async button(name: string, ids: number[], options: CallOptions = {}): Promise<unknown> {
    if (ids.length === 0) return null;
    return await this.client.call(this.method(name), [ids], options);
  }

  async fieldsGet(
    fields: string[] | null = null,
    options: CallOptions = {},
  ): Promise<Record<string, unknown>> {
    return (await this.client.call(this.method('fields_get'), [fields], options)) as Record<
      string,
      unknown
    >;
  }
}
