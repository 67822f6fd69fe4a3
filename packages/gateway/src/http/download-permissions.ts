import type { ServerResponse } from 'node:http';
import type { GraphQLSchema } from 'graphql';
import { allows, forbidden, type Permission } from '../auth/permissions.js';
import type { Customer } from '../models.js';
import { sendError } from './respond.js';

/**
 * The GraphQL field that reads the same data as each download or export: a file needs what
 * that field's `@Allow(...)` declares, read from the built schema, so that the two can never
 * differ (issue 16). An invoice's PDF is an invoice; any file of /downloads/documents/ is a
 * document, as `Customer.documents` lists it.
 */
const READ_BY = {
  '/downloads/invoices/': 'Customer.invoices',
  '/downloads/documents/': 'Customer.documents',
  '/downloads/exports/invoices.zip': 'Customer.invoices',
  '/downloads/exports/invoices.csv': 'Customer.invoices',
  '/downloads/exports/orders.csv': 'Customer.orders',
} as const;
type Route = keyof typeof READ_BY;

/** What each download route needs, as the schema says. */
export type DownloadPermissions = Record<Route, readonly Permission[]>;

/**
 * Reads every route's permission from the schema's fields; a field renamed or left without a
 * permission fails here, when the gateway starts, never by letting a file through.
 */
export function downloadPermissions(schema: GraphQLSchema): DownloadPermissions {
  const permissions = {} as Record<Route, readonly Permission[]>;
  for (const [route, path] of Object.entries(READ_BY) as [Route, string][]) {
    const [typeName, fieldName] = path.split('.') as [string, string];
    const type = schema.getType(typeName);
    const field =
      type && 'getFields' in type
        ? (type.getFields() as Record<string, { extensions?: Record<string, unknown> }>)[fieldName]
        : undefined;
    const permission = field?.extensions?.permission as Permission[] | undefined;
    if (!permission?.length) throw new Error(`no permission declared on ${path} for ${route}`);
    permissions[route] = permission;
  }
  return permissions;
}

/** What a download path needs; null for a path that is no download (answered 404 later). */
export function neededFor(
  permissions: DownloadPermissions,
  path: string,
): readonly Permission[] | null {
  if (path in permissions && path.startsWith('/downloads/exports/'))
    return permissions[path as Route];
  if (path.startsWith('/downloads/invoices/')) return permissions['/downloads/invoices/'];
  if (path.startsWith('/downloads/documents/')) return permissions['/downloads/documents/'];
  return null;
}

/**
 * Answers 403 FORBIDDEN (with the role and what was needed, in the downloads' JSON shape)
 * and returns false when the member's role or the API token's scopes do not hold what the
 * path needs: before any charge and any Tryton call for the file.
 */
export function permitted(
  permissions: DownloadPermissions,
  path: string,
  member: Pick<Customer, 'scopes' | 'role'>,
  res: ServerResponse,
): boolean {
  const needed = neededFor(permissions, path);
  if (!needed || allows(member.scopes, needed)) return true;
  sendError(res, 403, forbidden(needed, member.role));
  return false;
}
