// Makes the contract metadata (org.hyperledger.fabric:GetMetadata) describe each answer: every answer
// shape (answer-shape.ts) becomes a named schema, built with fabric-contract-api's own @Object and
// @Property decorators applied to a class made for it, and @Returns names it.
//
// Why transactions still return canonical JSON text and not the object (fabric-contract-api and
// fabric-shim 2.5.8, checked in answers.test.ts through the shim's own router):
// - @Returns is metadata only. It stores the schema itself as the transaction's `returns`, while the
//   router hands `returns.schema` (undefined) to the serializer, so the declared type never reaches
//   JSONSerializer.toBuffer: it cannot check an answer, nor change its bytes.
// - toBuffer writes a string result as its bytes: the canonical JSON (sorted keys) built here.
// - An object result would be written by JSON.stringify in insertion order, not as canonical JSON.
//   (It would not have been written at all with the class-transformer 0.4.1 that fabric-contract-api's
//   "^0.4.0" resolves to, which lacks classToPlain: package.json overrides it with 0.5.1, which also
//   lets the peer answer GetMetadata.)
// So the metadata names the answer's schema and the bytes stay the text of that object.
//
// Fabric's type strings cannot say "or null" or "optional": a nullable field is declared as its
// type, and the schemas list no required fields. The shapes themselves say both.

import { Object as DataType, Property } from 'fabric-contract-api';
import { type AnswerShape, type Field, type Kind } from './answer-shape';

/** The schema of a JSON object an answer leaves open (a stored record passed on as it is). */
const OPEN_OBJECT = 'JsonObject';

const declared = new Map<string, AnswerShape>();

/**
 * The type name for `@Returns` of a transaction answering `shape`, declaring its schema (and those
 * of the shapes it holds) on first use.
 */
export function answerType(shape: AnswerShape): string {
  declareShape(shape);
  return shape.name;
}

function declareShape(shape: AnswerShape): void {
  const known = declared.get(shape.name);
  if (known === shape) return;
  if (known !== undefined) throw new Error(`two answer shapes are named ${shape.name}`);
  declared.set(shape.name, shape);
  const type = namedClass(shape.name);
  for (const [name, field] of Object.entries(shape.fields)) {
    Property(name, fabricType(field))(type.prototype, name);
  }
  DataType()(type);
}

function fabricType(field: Field): string {
  const kind: Kind = typeof field === 'object' && 'optional' in field ? field.optional : field;
  if (kind === 'object') {
    declareOpenObject();
    return OPEN_OBJECT;
  }
  if (typeof kind === 'string') return kind;
  if ('list' in kind) return `${fabricType(kind.list)}[]`;
  if ('nullable' in kind) return fabricType(kind.nullable);
  declareShape(kind);
  return kind.name;
}

let openObjectDeclared = false;

function declareOpenObject(): void {
  if (openObjectDeclared) return;
  openObjectDeclared = true;
  DataType()(namedClass(OPEN_OBJECT));
}

/** A class whose `name` is `name`: @Object names its schema after the class. */
function namedClass(name: string): new () => object {
  const holder = { [name]: class {} };
  const type = holder[name];
  if (type === undefined) throw new Error(`cannot name a class ${name}`);
  return type;
}
