/**
 * Typed field lists for `read` and `searchRead`. A row type (a schema) declares the fields a
 * caller may read, and each relation it may follow under the field name plus a dot, as Tryton
 * answers it: `'party.': PartyRow | null` for a many2one or reference, `'lines.': LineRow[]`
 * for an x2many. From a literal field list (`['number', 'party.rec_name'] as const`) the
 * types below check every path and compute the row Tryton returns.
 */

/** How many relations a path may follow; bounds the work on cyclic schemas (party ⇄ address). */
type Depth = [never, 0, 1, 2, 3, 4];

/** The schema behind a relation value: the list's element, without null. */
type Target<V> = V extends readonly (infer E)[] ? NonNullable<E> : NonNullable<V>;

/** An untyped row (`Record<string, unknown>`): any path goes, nothing is inferred. */
type Untyped<T> = string extends keyof T ? true : false;

/**
 * Every field path of the schema `T`, following relations up to five levels:
 * `'number' | 'party.rec_name' | 'lines.product.rec_name' | ...`.
 */
export type FieldPath<T, D extends number = 5> = [D] extends [never]
  ? never
  : Untyped<T> extends true
    ? string
    : {
        [K in keyof T & string]: K extends `${infer Field}.`
          ? Target<T[K]> extends object
            ? `${Field}.${FieldPath<Target<T[K]>, Depth[D]>}`
            : never
          : K;
      }[keyof T & string];

type Simplify<O> = { [K in keyof O]: O[K] } & {};

/** The first field of each dotted path: `'party'` for `'party.rec_name'`. */
type Head<P> = P extends `${infer Field}.${string}` ? Field : never;

/** What follows `Field.` in the paths: `'rec_name'` for `'party.rec_name'`. */
type Rest<P, Field extends string> = P extends `${Field}.${infer Tail}` ? Tail : never;

/** A related value keeps its list and null of the schema: `[...]`, `{...} | null`. */
type Related<V, P extends string> = V extends readonly (infer E)[]
  ? Related<E, P>[]
  : V extends null | undefined
    ? V
    : Select<V, P>;

type Select<T, P extends string> = Simplify<
  { id: T extends { id: infer Id } ? Id : number } & {
    [K in P & keyof T as K extends `${string}.` ? never : K]: T[K];
  } & {
    [Field in Head<P> as `${Field}.`]: `${Field}.` extends keyof T
      ? Related<T[`${Field}.`], Rest<P, Field>>
      : unknown;
  }
>;

/**
 * The row Tryton returns for the field list `F` of the schema `T`: `id`, each plain field
 * asked, and `'<field>.'` with the related rows for each dotted path. Like Tryton, a relation
 * read only through dotted paths does not come back as an id: ask for `'party'` too for that.
 * An untyped `T` (with a string index) is returned as is.
 */
export type ReadRow<T, F extends readonly string[]> =
  Untyped<T> extends true ? T : Select<T, F[number]>;

/**
 * Which overload a field list takes: a readonly list (`as const`) is checked and inferred, a
 * mutable one (`string[]`, or a literal without `as const`) keeps the declared row, as before
 * typed lists existed. A readonly list with an unknown path matches neither: a type error.
 */
export type CheckedList<F> = F extends unknown[] ? never : unknown;
export type UncheckedList<F> = F extends unknown[] ? unknown : never;
