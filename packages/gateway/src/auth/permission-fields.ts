import {
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  isObjectType,
} from 'graphql';
import type { Permission } from './permissions.js';

/**
 * The object types whose records belong to one area of what a role may read: a field that
 * leads to one of them from anywhere must declare what it needs (an order's invoices, an
 * invoice's orders). Connections, edges and payloads are reached only through a field that
 * declares it already.
 */
const AREA_TYPES = new Set([
  'Order',
  'OrderLine',
  'Shipment',
  'Invoice',
  'InvoiceLine',
  'Document',
  'Member',
]);
const ROOT_TYPES = new Set(['Query', 'Mutation', 'Customer']);

export interface GuardedField {
  /** `Type.field`. */
  path: string;
  type: GraphQLObjectType;
  field: GraphQLField<unknown, unknown>;
  /** What `@Allow(...)` declared; undefined when nothing was (a defect). */
  permission: Permission[] | undefined;
}

/**
 * The list a count beside it counts (`lines` for `lineCount`, `taxes` for `taxCount`), if
 * `field` is such a count: it tells as much of an area as its list, and is guarded like it.
 */
export function countedList(
  type: GraphQLObjectType,
  field: GraphQLField<unknown, unknown>,
): GraphQLField<unknown, unknown> | undefined {
  const base = /^(.+)Count$/.exec(field.name)?.[1];
  if (!base) return undefined;
  const fields = type.getFields();
  return fields[`${base}s`] ?? fields[`${base}es`];
}

/** Whether `field` of `type` leads to an area's records, or counts them. */
function inArea(type: GraphQLObjectType, field: GraphQLField<unknown, unknown>): boolean {
  const list = countedList(type, field);
  return AREA_TYPES.has(getNamedType((list ?? field).type).name);
}

/**
 * Every field that must declare its permission, read from the built schema: all the fields
 * of Query, Mutation and Customer, and every field that leads to an area's records or counts
 * them.
 */
export function guardedFields(schema: GraphQLSchema): GuardedField[] {
  const fields: GuardedField[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    if (/(Connection|Edge|Payload)$/.test(type.name)) continue;
    for (const field of Object.values(type.getFields())) {
      if (!ROOT_TYPES.has(type.name) && !inArea(type, field)) continue;
      const permission = field.extensions?.permission as Permission[] | undefined;
      fields.push({ path: `${type.name}.${field.name}`, type, field, permission });
    }
  }
  return fields;
}
