import { type AuthChecker, Authorized, Extensions } from 'type-graphql';
import type { GraphQLContext } from '../context.js';
import { GatewayError, unauthenticated } from '../errors.js';
import type { Customer } from '../models.js';

/**
 * What a member may do (issue 16), as the portal module says it (roles.py): a role is a set
 * of scopes; an API token has its creator's, or fewer chosen at its creation, and never more
 * than its creator has now (the module intersects them on every check).
 */
export const SCOPES = [
  'orders:read',
  'orders:write',
  'invoices:read',
  'invoices:pay',
  'documents:read',
  'account:write',
  'members:manage',
] as const;
export type Scope = (typeof SCOPES)[number];

export const ROLES = ['administrator', 'buyer', 'accountant', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** The module's table (roles.py ROLE_SCOPES), for tests and documentation. */
export const ROLE_SCOPES: Record<Role, readonly Scope[]> = {
  administrator: SCOPES,
  buyer: ['orders:read', 'orders:write'],
  accountant: ['invoices:read', 'invoices:pay', 'documents:read'],
  viewer: ['orders:read', 'invoices:read', 'documents:read'],
};

/** Anyone, signed in or not (sign-in, password reset, accepting an invitation). */
export const PUBLIC = 'public';
/** Any signed-in member, whatever its role (its own profile, password, API tokens). */
export const MEMBER = 'member';

/** What `@Authorized(...)` takes: one of these, declared next to every field and mutation. */
export type Permission = Scope | typeof PUBLIC | typeof MEMBER;

/**
 * FORBIDDEN with what was needed and the member's role, as the schema's enum `Role` names it
 * (`extensions.role`: BUYER), so that a client can say "your role (buyer) does not allow
 * this" and not take it for an expired session. Downloads and exports answer the same.
 */
export const forbidden = (needed: readonly string[], role: Role) =>
  new GatewayError('FORBIDDEN', `Your role (${role}) does not allow this.`, {
    needed: [...needed],
    role: role.toUpperCase(),
  });

/** Whether scopes (the viewer's) hold every permission asked. */
export function allows(scopes: readonly string[], needed: readonly string[]): boolean {
  return needed.every((p) => p === MEMBER || scopes.includes(p));
}

/**
 * type-graphql's check of `@Authorized(...)`, run before the resolver: a field or mutation a
 * credential may not use answers FORBIDDEN (or UNAUTHENTICATED when anonymous) without asking
 * Tryton anything. Every field must declare its permission (test/permissions.test.ts).
 */
export const authChecker: AuthChecker<GraphQLContext, Permission> = ({ root, context }, needed) => {
  if (needed.includes(PUBLIC)) return true;
  const member = context.viewer?.customer ?? signedIn(root);
  if (!member) throw unauthenticated();
  if (!allows(member.scopes, needed)) throw forbidden(needed, member.role);
  return true;
};

/**
 * The customer a sign-in (or an accepted invitation) answers: its fields are read in the
 * same request, before the session cookie makes it the viewer, with its own scopes.
 */
function signedIn(root: unknown): Customer | null {
  if (!root || typeof root !== 'object') return null;
  const value = root as Partial<Customer>;
  return typeof value.webUserId === 'number' && Array.isArray(value.scopes)
    ? (value as Customer)
    : null;
}

/**
 * Declares who may use a field or mutation: type-graphql's `@Authorized`, checked by
 * `authChecker` before the resolver runs, and the same list in the field's extensions
 * (`permission`), so that the built schema tells, for every field, what it needs
 * (test/permissions.test.ts refuses a field without it).
 */
export function Allow(
  ...needed: [Permission, ...Permission[]]
): MethodDecorator & PropertyDecorator {
  return (target: object, key: string | symbol, descriptor?: PropertyDescriptor) => {
    Extensions({ permission: needed })(target, key, descriptor as PropertyDescriptor);
    Authorized(...needed)(target, key, descriptor as PropertyDescriptor);
  };
}
