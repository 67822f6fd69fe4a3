import type { FieldPath } from '@portal/tryton-client';

declare const ROW: unique symbol;

/**
 * A Tryton model's name that carries the schema of its rows (`SaleRow` for `sale.sale`), as the
 * mapper declares it: CustomerTryton and the loaders take the schema from the name, so a field
 * list given with it is checked against that schema and the rows come back typed (`ReadRow`).
 * At run time it is the plain name.
 */
export type ModelName<T extends object> = string & { readonly [ROW]?: T };

/** `name` as the model whose rows the schema `T` describes. */
export function modelName<T extends object>(name: string): ModelName<T> {
  return name as ModelName<T>;
}

/** A field list of `T`'s model, checked against its schema (`as const` in the mappers). */
export type Fields<T extends object> = readonly FieldPath<T>[];

/** Only the row's `id`: what a count of readable records asks of Tryton. */
export const ID_FIELDS = ['id'] as const;
