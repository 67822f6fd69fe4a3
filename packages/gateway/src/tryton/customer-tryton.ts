import type {
  CallOptions,
  Context,
  Domain,
  SearchOptions,
  TrytonClient,
} from '@portal/tryton-client';
import { fromTryton } from './errors.js';

/** How the request proves who the customer is. */
export type Credential = { kind: 'session'; key: string } | { kind: 'token'; token: string };

/**
 * The only way the gateway reads customer data: every call carries the customer's session
 * key or API token in its context, so Tryton's record rules (module portal_api) scope it to
 * that customer whatever the domain; the services add the customer's party domain on top.
 */
export class CustomerTryton {
  constructor(
    private readonly client: TrytonClient,
    private readonly credential: Credential,
    readonly language: 'fr' | 'en',
  ) {}

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

  read<T extends object = Record<string, unknown>>(
    model: string,
    ids: number[],
    fields: string[],
  ): Promise<T[]> {
    return this.guard(() => this.client.model<T>(model).read(ids, fields, this.options()));
  }

  searchRead<T extends object = Record<string, unknown>>(
    model: string,
    domain: Domain,
    fields: string[],
    options: Omit<SearchOptions, 'context'> = {},
  ): Promise<T[]> {
    return this.guard(() =>
      this.client.model<T>(model).searchRead(domain, fields, { ...this.options(), ...options }),
    );
  }

  searchCount(model: string, domain: Domain): Promise<number> {
    return this.guard(() => this.client.model(model).searchCount(domain, this.options()));
  }

  report(
    name: string,
    ids: number[],
  ): Promise<{ format: string; content: Uint8Array; name: string }> {
    return this.guard(() => this.client.report(name).execute(ids, {}, this.options()));
  }
}
