import { type OpenAPIObject } from '@nestjs/swagger';

// Rules that join two fields, which no keyword of a single property can say, written into the
// document after Swagger builds it. Each DTO that has such a rule registers it next to itself.

type Class = abstract new (...args: never[]) => unknown;
/** A component schema, as @nestjs/swagger types it (its own type is not exported from the root). */
type SchemaObject = Exclude<
  NonNullable<NonNullable<OpenAPIObject['components']>['schemas']>[string],
  { $ref: string }
>;

const schemaRules = new Map<string, (schema: SchemaObject) => SchemaObject>();
const togetherGroups: (readonly string[])[] = [];

/** Rewrites the component schema of `type` (e.g. a `oneOf` over a kind field and what it allows). */
export function documentSchemaRule(type: Class, rule: (schema: SchemaObject) => SchemaObject): void {
  schemaRules.set(type.name, rule);
}

/**
 * Query parameters sent all together or not at all. OpenAPI 3.0 has no keyword for it: each one gets
 * the extension `x-required-together` naming the group, and a sentence in its description.
 */
export function documentRequiredTogether(names: readonly string[]): void {
  togetherGroups.push(names);
}

export function applyDocumentRules(document: OpenAPIObject): OpenAPIObject {
  const schemas = document.components?.schemas ?? {};
  for (const [name, rule] of schemaRules) {
    const schema = schemas[name];
    if (schema !== undefined && !('$ref' in schema)) schemas[name] = rule(schema);
  }
  for (const path of Object.values(document.paths)) {
    for (const operation of [path.get, path.post, path.put, path.patch, path.delete]) {
      for (const parameter of operation?.parameters ?? []) {
        if ('$ref' in parameter) continue;
        const group = togetherGroups.find((names) => names.includes(parameter.name));
        if (group === undefined) continue;
        Object.assign(parameter, {
          'x-required-together': group,
          description:
            `${parameter.description ?? ''} Sent together with ${group.filter((n) => n !== parameter.name).join(', ')} or not at all.`.trim(),
        });
      }
    }
  }
  return document;
}
