import * as fc from 'fast-check';

import { IdentifierArbitraries } from '../../../chaincode/src/contract/testing';

// Requests built from an OpenAPI 3.0 document alone, as a client generated from it would build them:
// fast-check arbitraries for the values each schema describes (pattern, lengths, bounds, enum, the
// identifier formats, oneOf), and for each described constraint a value that breaks it.

export type Schema = Readonly<Record<string, unknown>>;
export interface Document {
  readonly paths: Readonly<Record<string, Readonly<Record<string, Operation>>>>;
  readonly components?: { readonly schemas?: Readonly<Record<string, Schema>> };
}
export interface Parameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header';
  readonly required?: boolean;
  readonly schema: Schema;
  readonly 'x-required-together'?: readonly string[];
}
export interface Operation {
  readonly operationId?: string;
  readonly parameters?: readonly Parameter[];
  readonly requestBody?: { readonly content: Readonly<Record<string, { readonly schema: Schema }>> };
  readonly 'x-roles'?: readonly string[];
}

const ISO_DAY = (date: Date): string => date.toISOString().slice(0, 10);
const AT = fc.date({
  min: new Date('2001-01-01T00:00:00Z'),
  max: new Date('2030-12-31T00:00:00Z'),
  noInvalidDate: true,
});

/** Values of the standard formats the document uses, in the zone the city writes. */
const FORMAT_ARBITRARIES: Readonly<Record<string, fc.Arbitrary<string>>> = {
  ...IdentifierArbitraries,
  'date-time': AT.map(
    (date) => `${new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`,
  ),
  date: AT.map(ISO_DAY),
};

/** Free text of the characters clerks type: Latin, digits, CJK, common punctuation. */
const TEXT_UNIT = fc.constantFrom(...'abcXYZ0189 张三李广州市天河区路号（）()-_.,');

export class SchemaReader {
  constructor(private readonly document: Document) {}

  resolve(schema: Schema): Schema {
    const ref = schema.$ref;
    if (typeof ref === 'string') {
      const name = ref.replace('#/components/schemas/', '');
      const target = this.document.components?.schemas?.[name];
      if (target === undefined) throw new Error(`unresolved ${ref}`);
      return this.resolve(target);
    }
    const allOf = schema.allOf as Schema[] | undefined;
    if (allOf !== undefined) {
      const rest = without(schema, 'allOf');
      return allOf.reduce<Schema>((merged, part) => mergeSchemas(merged, this.resolve(part)), rest);
    }
    return schema;
  }

  /** Values valid by `schema`. */
  valid(input: Schema): fc.Arbitrary<unknown> {
    const schema = this.resolve(input);
    const oneOf = schema.oneOf as Schema[] | undefined;
    if (oneOf !== undefined) {
      const base = without(schema, 'oneOf');
      return fc.oneof(...oneOf.map((branch) => this.valid(mergeSchemas(base, this.resolve(branch)))));
    }
    if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
    const format = typeof schema.format === 'string' ? FORMAT_ARBITRARIES[schema.format] : undefined;
    if (format !== undefined) return format;
    switch (schema.type) {
      case 'string':
        return validString(schema);
      case 'integer':
      case 'number':
        return validNumber(schema);
      case 'boolean':
        return fc.boolean();
      case 'array':
        return this.validArray(schema);
      default:
        if (schema.properties !== undefined || schema.type === 'object') return this.validObject(schema);
        throw new Error(`no generator for schema ${JSON.stringify(schema).slice(0, 200)}`);
    }
  }

  private validArray(schema: Schema): fc.Arbitrary<unknown[]> {
    const items = this.valid((schema.items as Schema | undefined) ?? { type: 'string' });
    const minLength = (schema.minItems as number | undefined) ?? 0;
    const maxLength = Math.min((schema.maxItems as number | undefined) ?? 3, Math.max(minLength, 3));
    return schema.uniqueItems === true
      ? fc.uniqueArray(items, { minLength, maxLength, selector: (value) => JSON.stringify(value) })
      : fc.array(items, { minLength, maxLength });
  }

  private validObject(schema: Schema): fc.Arbitrary<Record<string, unknown>> {
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    const required = (schema.required ?? []) as string[];
    const model = Object.fromEntries(
      Object.entries(properties).map(([name, property]) => [name, this.valid(property)]),
    );
    return fc.record(model, { requiredKeys: required.filter((name) => name in properties) });
  }

  /**
   * For each constraint the schema of one value states, a value that breaks it, named by the
   * constraint; none when the schema states none (free JSON).
   */
  invalid(input: Schema): [string, unknown][] {
    const schema = this.resolve(input);
    const cases: [string, unknown][] = [];
    if (Array.isArray(schema.enum)) cases.push(['enum', 'NOT_A_DOCUMENTED_VALUE']);
    if (schema.type === 'string' || typeof schema.pattern === 'string') cases.push(...invalidStrings(schema));
    if (schema.type === 'integer' || schema.type === 'number') cases.push(...invalidNumbers(schema));
    if (schema.type === 'boolean') cases.push(['type', 'yes']);
    if (schema.type === 'array') cases.push(...this.invalidArrays(schema));
    if (schema.properties !== undefined) cases.push(['type', 'not an object']);
    return cases;
  }

  private invalidArrays(schema: Schema): [string, unknown][] {
    const cases: [string, unknown][] = [['type', 'not a list']];
    if (typeof schema.maxItems === 'number') {
      const item = fc.sample(this.valid((schema.items as Schema | undefined) ?? { type: 'string' }), 1)[0];
      cases.push(['maxItems', Array.from({ length: schema.maxItems + 1 }, () => item)]);
    }
    if (typeof schema.minItems === 'number' && schema.minItems > 0) cases.push(['minItems', []]);
    return cases;
  }
}

function invalidStrings(schema: Schema): [string, unknown][] {
  const cases: [string, unknown][] = [['type', 12345]];
  if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test('#'))
    cases.push(['pattern', '#']);
  if (typeof schema.maxLength === 'number') cases.push(['maxLength', 'x'.repeat(schema.maxLength + 1)]);
  if (typeof schema.minLength === 'number' && schema.minLength > 0) cases.push(['minLength', '']);
  return cases;
}

function invalidNumbers(schema: Schema): [string, unknown][] {
  const cases: [string, unknown][] = [['type', 'twelve']];
  if (typeof schema.maximum === 'number') cases.push(['maximum', schema.maximum + 1]);
  if (typeof schema.minimum === 'number') cases.push(['minimum', schema.minimum - 1]);
  if (schema.type === 'integer') cases.push(['integer', ((schema.minimum as number | undefined) ?? 1) + 0.5]);
  return cases;
}

function without(schema: Schema, key: string): Schema {
  const copy: Record<string, unknown> = { ...schema };
  delete copy[key];
  return copy;
}

function mergeSchemas(base: Schema, extra: Schema): Schema {
  const properties = {
    ...(base.properties as object | undefined),
    ...(extra.properties as object | undefined),
  };
  const mergedProperties = Object.fromEntries(
    Object.entries(properties).map(([name, property]) => [
      name,
      { ...((base.properties as Record<string, Schema> | undefined)?.[name] ?? {}), ...(property as Schema) },
    ]),
  );
  return {
    ...base,
    ...extra,
    ...(Object.keys(mergedProperties).length > 0 && { properties: mergedProperties }),
    required: [
      ...new Set([
        ...((base.required as string[] | undefined) ?? []),
        ...((extra.required as string[] | undefined) ?? []),
      ]),
    ],
  };
}

function validString(schema: Schema): fc.Arbitrary<string> {
  const minLength = (schema.minLength as number | undefined) ?? 0;
  const maxLength = schema.maxLength as number | undefined;
  if (typeof schema.pattern === 'string') {
    const fits = (value: string): boolean => {
      const length = [...value].length;
      return length >= minLength && length <= (maxLength ?? Infinity);
    };
    // fast-check cannot generate from a lookahead: generate without it, keep what the whole pattern takes
    const whole = new RegExp(schema.pattern, 'u');
    const generating = new RegExp(schema.pattern.replace(/\(\?[=!][^)]*\)/g, ''), 'u');
    return fc.stringMatching(generating).filter((value) => fits(value) && whole.test(value));
  }
  // long free text is allowed, but 200 characters say as much to a validator as 2000
  return fc.string({
    unit: TEXT_UNIT,
    minLength,
    maxLength: Math.min(maxLength ?? 40, Math.max(minLength, 200)),
  });
}

function validNumber(schema: Schema): fc.Arbitrary<number> {
  const exclusive = schema.exclusiveMinimum === true;
  const step = (schema.multipleOf as number | undefined) ?? (schema.type === 'integer' ? 1 : undefined);
  const min = (schema.minimum as number | undefined) ?? -1_000_000;
  const max = (schema.maximum as number | undefined) ?? 1_000_000;
  if (step !== undefined) {
    const decimals = Math.max(0, -Math.floor(Math.log10(step)));
    const low = Math.ceil(min / step) + (exclusive && Number.isInteger(min / step) ? 1 : 0);
    // bigInt: fc.integer stops at 2^31, and an amount in fen goes beyond
    return fc
      .bigInt({ min: BigInt(low), max: BigInt(Math.floor(max / step)) })
      .map((multiple) => Number((Number(multiple) * step).toFixed(decimals)));
  }
  return fc.double({ min, max, minExcluded: exclusive, noNaN: true, noDefaultInfinity: true });
}
