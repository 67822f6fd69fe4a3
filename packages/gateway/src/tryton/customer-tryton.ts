import type {
  CallOptions,
  Context,
  Domain,
  ReadRow,
  SearchOptions,
  TrytonClient,
} from '@portal/tryton-client';
import type { ReadCache } from '../cache/read-cache.js';
import type { CacheArea } from '../config.js';
import {
  fingerprint,
  type Page,
  type PageRequest,
  readCursor,
  writeCursor,
} from '../pagination.js';
import { fromTryton } from './errors.js';
import {
  afterDomain,
  beforeDomain,
  decodePosition,
  encodePosition,
  type Keyset,
  keysetOrder,
  type Position,
  positionOf,
} from './keyset.js';
import type { Fields, ModelName } from './rows.js';
import { cacheArea, customerScope } from './scopes.js';

/** The id every row read comes with. */
function idOf(row: object): number {
  return (row as { id: number }).id;
}

/** How the request proves who the customer is. */
export type Credential = { kind: 'session'; key: string } | { kind: 'token'; token: string };

/**
 * The only way the gateway reads customer data: every call carries the customer's session
 * key or API token in its context, so Tryton's record rules (module portal_api) scope it to
 * that customer whatever the domain, and every domain is ANDed with the customer's scope of
 * its model (scopes.ts): the services give only their own conditions.
 *
 * Reads are typed by the mappers' declarations: a model's name carries the schema of its rows
 * (`ModelName`), the field list is checked against it, and the rows come back as `ReadRow`.
 */
export class CustomerTryton {
  /** Everything that changes an answer besides the call itself: who, for whom, in which language. */
  private readonly scope: string;
  /** Who the customer is, whatever the language: what a cursor is bound to. */
  private readonly customerKey: string;
  private readonly parties: number[];
  private generations: Promise<Record<CacheArea, string>> | undefined;

  constructor(
    private readonly client: TrytonClient,
    private readonly credential: Credential,
    readonly language: 'fr' | 'en',
    customer: { webUserId: number; parties: number[] },
    private readonly cache?: ReadCache,
  ) {
    this.parties = customer.parties;
    this.customerKey = `c${customer.webUserId}-p${customer.parties.join('.')}`;
    this.scope = `${this.customerKey}-${language}`;
  }

  /** Tryton's `common.server.version`, for the mappers whose fields differ by series. */
  get version(): string | undefined {
    return this.client.version;
  }

  private options(extra: { signal?: AbortSignal } = {}): CallOptions {
    const context: Context =
      this.credential.kind === 'session'
        ? { portal_session: this.credential.key, language: this.language }
        : { portal_token: this.credential.token, language: this.language };
    return { context, ...extra };
  }

  private async guard<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw fromTryton(error);
    }
  }

  /**
   * Every read passes here: the services' domain AND the customer's scope of the model
   * (scopes.ts), whatever the service asked for.
   */
  private scoped(model: string, domain: Domain): Domain {
    const scope = customerScope(model, this.parties);
    // A domain led by 'OR' / 'AND' applies that operator to all of its clauses: nest it.
    return typeof domain[0] === 'string' ? [...scope, domain] : [...scope, ...domain];
  }

  /** The cache's generations of this customer's areas, read once per request (`forget`). */
  private generation(area: CacheArea): Promise<string> {
    const cache = this.cache;
    if (!cache) return Promise.resolve('');
    this.generations ??= cache.generations(this.parties);
    return this.generations.then((found) => found[area]);
  }

  /**
   * Forgets the customer's cached `areas` after a write, here and on every replica; this
   * request's later reads (the written record, read again) see the change too.
   */
  async forget(areas: CacheArea[]): Promise<void> {
    if (!this.cache) return;
    await this.cache.forget(this.parties, areas);
    this.generations = this.cache.generations(this.parties);
    await this.generations;
  }

  private async cached<T>(model: string, parts: unknown[], load: () => Promise<T>): Promise<T> {
    if (!this.cache) return await this.guard(load);
    const area = cacheArea(model);
    const key = this.cache.key(this.scope, await this.generation(area), ...parts);
    return await this.cache.get(area, key, () => this.guard(load));
  }

  searchRead<T extends object, const F extends Fields<T>>(
    model: ModelName<T>,
    domain: Domain,
    fields: F,
    options: Omit<SearchOptions, 'context'> = {},
  ): Promise<ReadRow<T, F>[]> {
    const scoped = this.scoped(model, domain);
    return this.cached(model, ['search_read', model, scoped, fields, options], () =>
      this.read<T, F>(model, scoped, fields, { ...this.options(), ...options }),
    );
  }

  /**
   * The one untyped call under the typed reads: Tryton answers JSON, whose shape the schema
   * of the model's name declares (`ModelName`).
   */
  private async read<T extends object, F extends Fields<T>>(
    model: ModelName<T>,
    domain: Domain,
    fields: F,
    options: SearchOptions,
  ): Promise<ReadRow<T, F>[]> {
    const rows = await this.client.model(model).searchRead(domain, [...fields], options);
    return rows as ReadRow<T, F>[];
  }

  /**
   * `searchRead` whose rows are also cached one by one, as `records` keeps them, in the same
   * load: a later request that reads one of them by id (an order's invoices) finds it whether
   * its resolvers reach that link before or after the list. Without it, which of a request's
   * reads went to Tryton depended on which answer came first (a flaky warm dashboard).
   */
  searchRecords<T extends object, const F extends Fields<T>>(
    model: ModelName<T>,
    domain: Domain,
    fields: F,
    options: Omit<SearchOptions, 'context'> = {},
  ): Promise<ReadRow<T, F>[]> {
    const cache = this.cache;
    if (!cache) return this.searchRead(model, domain, fields, options);
    const scoped = this.scoped(model, domain);
    return this.cached(model, ['search_records', model, scoped, fields, options], async () => {
      const generation = await this.generation(cacheArea(model));
      const rows = await this.read<T, F>(model, scoped, fields, {
        ...this.options(),
        ...options,
      });
      const records = rows.map((row) => ({
        key: this.recordKey(cache, generation, model, fields, idOf(row)),
        value: row,
      }));
      await cache.put(cacheArea(model), records);
      return rows;
    });
  }

  private recordKey(
    cache: ReadCache,
    generation: string,
    model: string,
    fields: readonly string[],
    id: number,
  ): string {
    return cache.key(this.scope, generation, 'record', model, fields, id);
  }

  /**
   * The one list path: a page of `model`'s rows matching `domain`, sorted by `keyset`, after
   * or before the request's cursor. The cursor's position becomes a domain on the key (never
   * an offset), one row more than the page tells whether another follows, and the count is
   * the filter's own (`searchCount`, cached apart from the cursor: one per filter). The rows
   * are cached one by one too (`searchRecords`), for the loaders of the same records.
   */
  async page<T extends object, const F extends Fields<T>>(
    model: ModelName<T>,
    domain: Domain,
    keyset: Keyset,
    fields: F,
    request: PageRequest,
    /**
     * What the cursors are bound to besides the customer, model and keyset: the domain by
     * default. A list whose domain holds today's date (overdue invoices) passes its filter
     * instead, so that its cursors outlive midnight.
     */
    listKey: unknown = domain,
  ): Promise<Page<ReadRow<T, F>>> {
    const list = this.listFingerprint(model, listKey, keyset);
    const forward = request.direction === 'forward';
    const argument = forward ? 'after' : 'before';
    const bound =
      request.cursor === null
        ? null
        : decodePosition(readCursor(request.cursor, list, argument), argument);
    // Without a cursor, an empty page needs no rows: the count says whether any follow.
    const needRows = request.limit > 0 || bound !== null;
    // The cursor is the row's key: read it even when the list's fields do not show it (the
    // mapper's sort keys are its model's fields: keyset.ts).
    const read = (
      fields.includes(keyset.field as F[number]) ? fields : [...fields, keyset.field]
    ) as F;
    const [rows, totalCount] = await Promise.all([
      needRows
        ? this.keysetRows(model, domain, keyset, read, {
            direction: request.direction,
            bound: bound && { position: bound, inclusive: false },
            limit: request.limit + 1,
            records: true,
          })
        : Promise.resolve([]),
      this.searchCount(model, domain),
    ]);
    const more = needRows ? rows.length > request.limit : totalCount > 0;
    const taken = rows.slice(0, request.limit);
    if (!forward) taken.reverse();
    return {
      rows: taken,
      cursors: taken.map((row) =>
        writeCursor(list, encodePosition(positionOf(keyset, row as Record<string, unknown>))),
      ),
      // A cursor is an edge that was there: something lies on its side of the page.
      hasNextPage: forward ? more : bound !== null,
      hasPreviousPage: forward ? bound !== null : more,
      totalCount,
    };
  }

  /**
   * Up to `limit` rows of a keyset after (forward) or before (backward) a position, in the
   * direction's order (backward: nearest first). For lists merged from several models
   * (documents), which keep one position per model.
   */
  keysetRows<T extends object, const F extends Fields<T>>(
    model: ModelName<T>,
    domain: Domain,
    keyset: Keyset,
    fields: F,
    options: {
      direction: 'forward' | 'backward';
      bound: { position: Position; inclusive: boolean } | null;
      limit: number;
      /** Also cache the rows one by one, for the loaders (`searchRecords`). */
      records?: boolean;
    },
  ): Promise<ReadRow<T, F>[]> {
    const { bound, direction } = options;
    const side =
      bound &&
      (direction === 'forward'
        ? afterDomain(keyset, bound.position, bound.inclusive)
        : beforeDomain(keyset, bound.position, bound.inclusive));
    const where = side
      ? typeof domain[0] === 'string'
        ? [domain, side]
        : [...domain, side]
      : domain;
    const search = { limit: options.limit, order: keysetOrder(keyset, direction) };
    return options.records
      ? this.searchRecords(model, where, fields, search)
      : this.searchRead(model, where, fields, search);
  }

  /** What a list's cursors are bound to: this customer, and the list's own `parts`. */
  listFingerprint(...parts: unknown[]): string {
    return fingerprint(this.customerKey, ...parts);
  }

  searchCount(model: ModelName<object>, domain: Domain): Promise<number> {
    const scoped = this.scoped(model, domain);
    return this.cached(model, ['search_count', model, scoped], () =>
      this.client.model(model).searchCount(scoped, this.options()),
    );
  }

  /**
   * Records by id, for the loaders: cached one by one (one MGET for the batch), the misses
   * read in one `search_read` on `id in [...]` within the customer's scope of the model, so
   * records the customer may not see are left out instead of failing the batch. `archived`:
   * archived records are read too (an order keeps the address the customer archived or
   * replaced since).
   */
  async records<T extends object, const F extends Fields<T>>(
    model: ModelName<T>,
    ids: number[],
    fields: F,
    { archived = false }: { archived?: boolean } = {},
  ): Promise<Map<number, ReadRow<T, F>>> {
    const load = async (misses: number[]) => {
      const options = this.options();
      // Archived records too (Tryton's `active_test`): what an order still refers to.
      if (archived) options.context = { ...options.context, active_test: false };
      const rows = await this.guard(() =>
        this.read<T, F>(model, this.scoped(model, [['id', 'in', misses]]), fields, options),
      );
      return new Map(rows.map((row) => [idOf(row), row]));
    };
    if (!this.cache) return await load(ids);
    const cache = this.cache;
    const generation = await this.generation(cacheArea(model));
    return await cache.getMany(
      cacheArea(model),
      ids,
      (id) => this.recordKey(cache, generation, model, fields, id),
      load,
    );
  }

  /**
   * A method of the portal module's `portal.gateway` that answers for the customer of the
   * call's context, as the record rules do (`company_bank_account`): cached in `area` for
   * this customer, under the area's generation (a write that forgets the area forgets it);
   * `area` null: never cached (what changes outside the portal while the customer watches).
   */
  async gatewayCall(
    method: string,
    area: CacheArea | null,
    params: unknown[] = [],
  ): Promise<unknown> {
    const load = () => this.client.call(`model.portal.gateway.${method}`, params, this.options());
    if (!this.cache || area === null) return await this.guard(load);
    const generation = await this.generation(area);
    const key = this.cache.key(this.scope, generation, 'gateway', method, ...params);
    return await this.cache.get(area, key, () => this.guard(load));
  }

  report(
    name: string,
    ids: number[],
  ): Promise<{ format: string; content: Uint8Array; name: string }> {
    return this.guard(() => this.client.report(name).execute(ids, {}, this.options()));
  }
}
