import { type getMetadataStorage } from 'class-validator';

// What a class-validator constraint means in the API document: the JSON-schema keywords (OpenAPI 3.0)
// that say the same thing, so the document is derived from the validation the gateway runs instead of
// being typed a second time. Constraints a keyword cannot say (cross-field rules, NUL characters) are
// listed by name in WORDS_ONLY: their DTOs describe them in words.

/** One constraint of a property as class-validator records it (its type is not exported by name). */
export type ValidationMetadata = ReturnType<
  ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']
>[number];

/** The subset of an OpenAPI 3.0 schema object a validation constraint can contribute. */
export type SchemaKeywords = Readonly<Record<string, unknown>>;
type KeywordsOf = (constraints: readonly unknown[]) => SchemaKeywords;

const number = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

/** class-validator's own constraints, by the names it registers them under. */
const BUILT_IN: Readonly<Record<string, KeywordsOf>> = {
  matches: ([pattern, modifiers]) => {
    const flags = pattern instanceof RegExp ? pattern.flags : typeof modifiers === 'string' ? modifiers : '';
    if (/[^u]/.test(flags.replace(/[gsy]/g, ''))) {
      // only the u flag has a JSON-schema meaning (patterns are Unicode-aware ECMA-262 regexes)
      throw new Error(`a pattern with flags '${flags}' cannot be documented`);
    }
    return { pattern: pattern instanceof RegExp ? pattern.source : String(pattern) };
  },
  isLength: ([min, max]) => ({ minLength: number(min), maxLength: number(max) }),
  minLength: ([min]) => ({ minLength: number(min) }),
  maxLength: ([max]) => ({ maxLength: number(max) }),
  isNotEmpty: () => ({ minLength: 1 }),
  min: ([min]) => ({ minimum: number(min) }),
  max: ([max]) => ({ maximum: number(max) }),
  isPositive: () => ({ minimum: 0, exclusiveMinimum: true }),
  isInt: () => ({ type: 'integer' }),
  isNumber: () => ({ type: 'number' }),
  isString: () => ({ type: 'string' }),
  isBoolean: () => ({ type: 'boolean' }),
  isIn: ([values]) => ({ enum: values }),
  isArray: () => ({ type: 'array' }),
  arrayMinSize: ([min]) => ({ minItems: number(min) }),
  arrayMaxSize: ([max]) => ({ maxItems: number(max) }),
  arrayUnique: () => ({ uniqueItems: true }),
  isObject: () => ({ type: 'object' }),
  isDateString: () => ({ format: 'date-time' }),
  isISO8601: () => ({ format: 'date-time' }),
};

/** Constraints of the gateway's own decorators, registered where each decorator is defined. */
const OWN = new Map<string, KeywordsOf>();

/**
 * Registers the document keywords of a custom constraint (registerDecorator's `name`). Call it next
 * to the decorator, so the rule and its description stay in one place.
 */
export function documentConstraint(name: string, keywords: SchemaKeywords | KeywordsOf): void {
  OWN.set(name, typeof keywords === 'function' ? keywords : () => keywords);
}

/** Markers and conditions: they change which other constraints apply, not what a value may be. */
const STRUCTURAL = new Set(['isOptional', 'isDefined', 'validateNested']);

/**
 * The keywords of one constraint; undefined for a structural one. Throws for a constraint nobody
 * described, so a new validator cannot silently leave the document behind.
 */
export function keywordsOf(metadata: ValidationMetadata): SchemaKeywords | undefined {
  const name = metadata.name ?? metadata.type;
  if (
    STRUCTURAL.has(name) ||
    metadata.type === 'nestedValidation' ||
    metadata.type === 'whitelistValidation'
  ) {
    return undefined;
  }
  if (metadata.type === 'conditionalValidation') return undefined;
  const describe = OWN.get(name) ?? BUILT_IN[name];
  if (describe === undefined) {
    throw new Error(
      `constraint '${name}' of ${metadata.propertyName} has no document keywords (documentConstraint)`,
    );
  }
  const keywords = describe(metadata.constraints ?? []);
  return Object.fromEntries(Object.entries(keywords).filter(([, value]) => value !== undefined));
}
