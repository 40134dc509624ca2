// The language the chaincode's answers are described in: plain data, no Fabric, so the same
// description serves the chaincode (its TypeScript type is what a transaction must build), the
// gateway (its decoder checks an answer against it at run time) and the contract metadata (each
// shape becomes a named schema, answer-metadata.ts).
//
// A shape lists what the answer's readers rely on. An answer may carry more than its shape lists
// (a record passed on whole); the decoder keeps that, unchecked, and the type does not name it.

/** A JSON object this description leaves open (e.g. a stored record passed on as it is). */
export type JsonRecord = Readonly<Record<string, unknown>>;

export type ScalarKind = 'string' | 'number' | 'boolean' | 'object';

export interface ListKind<K extends Kind = Kind> {
  readonly list: K;
}

export interface NullableKind<K extends Kind = Kind> {
  readonly nullable: K;
}

export interface OptionalField<K extends Kind = Kind> {
  readonly optional: K;
}

/** A named JSON object with the listed fields; `name` becomes its schema's name in the metadata. */
export interface AnswerShape<F extends Fields = Fields> {
  readonly name: string;
  readonly fields: F;
}

export type Kind = ScalarKind | ListKind | NullableKind | AnswerShape;
export type Field = Kind | OptionalField;
export type Fields = Readonly<Record<string, Field>>;

export const listOf = <const K extends Kind>(kind: K): ListKind<K> => ({ list: kind });
export const nullable = <const K extends Kind>(kind: K): NullableKind<K> => ({ nullable: kind });
/** A field the answer may leave out (canonical JSON omits undefined properties). */
export const optional = <const K extends Kind>(kind: K): OptionalField<K> => ({ optional: kind });

export function answerShape<const F extends Fields>(name: string, fields: F): AnswerShape<F> {
  return Object.freeze({ name, fields: Object.freeze(fields) });
}

/**
 * Who holds a value: a reader ('read', the gateway) owns the freshly decoded JSON, so its lists are
 * plain arrays and an open object is a JsonRecord to look into; a builder ('build', the chaincode)
 * may pass readonly lists and any object (its record interfaces have no index signature).
 */
export type Side = 'read' | 'build';

/** The TypeScript value of a kind for `S`. */
export type ValueOf<K, S extends Side = 'read'> = [Kind] extends [K]
  ? unknown // any kind at all (a generic's constraint): stops the recursion through Kind
  : ValueOfKind<K, S>;

type ValueOfKind<K, S extends Side> = K extends 'string'
  ? string
  : K extends 'number'
    ? number
    : K extends 'boolean'
      ? boolean
      : K extends 'object'
        ? S extends 'read'
          ? JsonRecord
          : object
        : K extends ListKind<infer I>
          ? S extends 'read'
            ? ValueOf<I, S>[]
            : readonly ValueOf<I, S>[]
          : K extends NullableKind<infer I>
            ? ValueOf<I, S> | null
            : K extends AnswerShape<infer F>
              ? ValueOfFields<F, S>
              : never;

type RequiredKeys<F extends Fields> = { [P in keyof F]: F[P] extends OptionalField ? never : P }[keyof F];
type OptionalKeys<F extends Fields> = { [P in keyof F]: F[P] extends OptionalField ? P : never }[keyof F];
type Flatten<T> = { [P in keyof T]: T[P] } & {};

export type ValueOfFields<F extends Fields, S extends Side = 'read'> = string extends keyof F
  ? JsonRecord // fields not known (a generic's constraint)
  : FieldValues<F, S>;

type FieldValues<F extends Fields, S extends Side> = Flatten<
  { readonly [P in RequiredKeys<F>]: ValueOf<F[P], S> } & {
    readonly [P in OptionalKeys<F>]?: F[P] extends OptionalField<infer I> ? ValueOf<I, S> : never;
  }
>;

/** The answer a shape describes as its reader gets it, e.g. `AnswerOf<typeof RegisterAnswer>`. */
export type AnswerOf<S extends AnswerShape> = ValueOf<S>;

/** What the chaincode may build for an answer of shape `S`. */
export type AnswerValue<S extends AnswerShape> = ValueOf<S, 'build'>;

/**
 * Where `value` departs from `kind`, as a path and what was expected (never the value itself: a
 * private read carries names and ID numbers); undefined when it fits.
 */
export function answerProblem(value: unknown, kind: Kind, path = '$'): string | undefined {
  if (typeof kind === 'string') return scalarProblem(value, kind, path);
  if ('list' in kind) {
    if (!Array.isArray(value)) return `${path} is not a list`;
    for (const [index, item] of (value as unknown[]).entries()) {
      const problem = answerProblem(item, kind.list, `${path}[${index}]`);
      if (problem !== undefined) return problem;
    }
    return undefined;
  }
  if ('nullable' in kind) return value === null ? undefined : answerProblem(value, kind.nullable, path);
  return fieldsProblem(value, kind, path);
}

function scalarProblem(value: unknown, kind: ScalarKind, path: string): string | undefined {
  if (kind === 'object') return isRecord(value) ? undefined : `${path} is not an object`;
  return typeof value === kind ? undefined : `${path} is not a ${kind}`;
}

function fieldsProblem(value: unknown, shape: AnswerShape, path: string): string | undefined {
  if (!isRecord(value)) return `${path} is not ${shape.name}`;
  for (const [name, field] of Object.entries(shape.fields)) {
    const fieldPath = `${path}.${name}`;
    const present = Object.prototype.hasOwnProperty.call(value, name);
    if (typeof field === 'object' && 'optional' in field) {
      if (!present) continue;
      const problem = answerProblem(value[name], field.optional, fieldPath);
      if (problem !== undefined) return problem;
      continue;
    }
    if (!present) return `${fieldPath} is missing`;
    const problem = answerProblem(value[name], field, fieldPath);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether `value` fits `shape` (answerProblem finds nothing). */
export function fitsShape<F extends Fields>(
  value: unknown,
  shape: AnswerShape<F>,
): value is ValueOfFields<F> {
  return answerProblem(value, shape) === undefined;
}
