import { type INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { ApiProperty } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';

import { keywordsOf, type SchemaKeywords, type ValidationMetadata } from './validation-keywords';

// Before the OpenAPI document is built, every request class a route takes (@Body, @Query, @Param and
// the classes nested in them) gets, for each validated property, the keywords its constraints mean
// (validation-keywords.ts) merged into its @ApiProperty metadata. Swagger then writes them into the
// body schemas and the path and query parameters alike, so the document tells a client exactly what
// validation will accept. What a DTO's @ApiProperty states explicitly wins, except `required`, which
// validation decides (a property is optional exactly when it carries IsOptional or ValidateIf).

/** @nestjs/swagger's metadata key for @ApiProperty options (DECORATORS.API_MODEL_PROPERTIES). */
const API_MODEL_PROPERTIES = 'swagger/apiModelProperties';

type Class = abstract new (...args: never[]) => unknown;
type PropertyOptions = Record<string, unknown>;

const described = new WeakSet<Class>();

export function describeValidationInDocument(app: INestApplication): void {
  for (const requestClass of requestClasses(app)) describeClass(requestClass);
}

/** The classes the routes' handlers take as parameters, and the classes nested in them. */
function requestClasses(app: INestApplication): Set<Class> {
  const found = new Set<Class>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const prototype = (wrapper.metatype as Class | null)?.prototype as object | undefined;
      if (prototype === undefined) continue;
      for (const method of Object.getOwnPropertyNames(prototype)) {
        const types = (Reflect.getMetadata('design:paramtypes', prototype, method) ?? []) as unknown[];
        for (const type of types) collect(type, found);
      }
    }
  }
  return found;
}

function collect(type: unknown, found: Set<Class>): void {
  if (typeof type !== 'function' || found.has(type as Class)) return;
  const metadata = validationOf(type as Class);
  if (metadata.length === 0) return;
  found.add(type as Class);
  for (const nested of metadata.filter((entry) => entry.type === 'nestedValidation')) {
    collect(nestedClass(type as Class, nested.propertyName), found);
  }
}

function validationOf(type: Class): ValidationMetadata[] {
  return getMetadataStorage().getTargetValidationMetadatas(type, '', true, false);
}

/** The class of a nested property: its @ApiProperty type ([Class] for an array) or its design type. */
function nestedClass(type: Class, property: string): unknown {
  const options = propertyOptions(type, property);
  const declared = options?.type;
  const element: unknown = Array.isArray(declared) ? declared[0] : declared;
  if (typeof element === 'function' && element.prototype !== undefined) return element;
  return Reflect.getMetadata('design:type', type.prototype as object, property);
}

function propertyOptions(type: Class, property: string): PropertyOptions | undefined {
  return Reflect.getMetadata(API_MODEL_PROPERTIES, type.prototype as object, property) as
    PropertyOptions | undefined;
}

function describeClass(type: Class): void {
  if (described.has(type)) return;
  described.add(type);
  const byProperty = new Map<string, ValidationMetadata[]>();
  for (const entry of validationOf(type)) {
    byProperty.set(entry.propertyName, [...(byProperty.get(entry.propertyName) ?? []), entry]);
  }
  for (const [property, constraints] of byProperty) {
    const explicit = propertyOptions(type, property) ?? {};
    ApiProperty(merged(explicit, constraints))(type.prototype as object, property);
  }
}

function merged(explicit: PropertyOptions, constraints: readonly ValidationMetadata[]): PropertyOptions {
  const own: Record<string, unknown> = {};
  const items: Record<string, unknown> = {};
  for (const constraint of constraints) {
    const keywords: SchemaKeywords | undefined = keywordsOf(constraint);
    if (keywords !== undefined) Object.assign(constraint.each ? items : own, keywords);
  }
  const optional = constraints.some((entry) => entry.type === 'conditionalValidation');
  const { type: validatedType, ...rest } = own;
  return {
    ...rest,
    ...explicit,
    // an integer is a number to TypeScript and to @ApiProperty; validation knows better
    ...(validatedType === 'integer' && { type: 'integer' }),
    ...(Object.keys(items).length > 0 && { items: { ...(explicit.items as object), ...items } }),
    required: !optional,
  };
}
