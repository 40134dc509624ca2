// Must stay the first import: it quiets fabric-contract-api before the contract classes load.
import '../testing/quiet-logs';
import { Contract, JSONSerializer, Returns, Transaction } from 'fabric-contract-api';
import { answerType } from './answer-metadata';
import { RegisterAnswer } from '../realestate/answers';
import { SmokeRecordAnswer } from '../smoke/answers';
import { type AnswerShape, type Field } from './answer-shape';
import { Answers } from './answers';
import { toCanonicalJson } from './canonical-json';
import { definitionsFor } from './definitions';
import { Roles } from './access';
import { InMemoryLedger, ShimRouter, identityForRole } from '../testing';
import { DefinitionEntries } from '../testing/channel';
import { contracts as smokeContracts } from '../definitions/smoke';

/** The parts of fabric-shim's contract metadata (what GetMetadata answers) these tests read. */
interface Metadata {
  readonly contracts: Record<string, { transactions: { name: string; returns?: unknown }[] }>;
  readonly components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
}

const metadataOf = (name: keyof typeof DefinitionEntries): Metadata =>
  new ShimRouter(DefinitionEntries[name]).metadata() as Metadata;

const served = definitionsFor('test-fixtures').map(
  (definition) => [definition.name, metadataOf(definition.name)] as const,
);

/** Every `$ref` in a schema, as the component name it points to. */
function refsIn(schema: unknown): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  return Object.entries(schema).flatMap(([key, value]) =>
    key === '$ref' && typeof value === 'string' ? [value.split('/').pop() ?? ''] : refsIn(value),
  );
}

function fieldNames(shape: AnswerShape): string[] {
  return Object.keys(shape.fields).sort();
}

describe('the contract metadata describes the answers', () => {
  it.each(served)(
    'definition %s: @Returns names the shape of Answers, or string where none is declared',
    (_name, metadata) => {
      for (const [contract, { transactions }] of Object.entries(metadata.contracts)) {
        if (contract === 'org.hyperledger.fabric') continue;
        const answers = (Answers as Record<string, Record<string, AnswerShape>>)[contract] ?? {};
        for (const transaction of transactions) {
          const shape = answers[transaction.name];
          const expected =
            shape === undefined ? { type: 'string' } : { $ref: `#/components/schemas/${shape.name}` };
          // a transaction without @Returns (a write answering nothing) has no `returns`
          if (transaction.returns !== undefined || shape !== undefined) {
            expect([contract, transaction.name, transaction.returns]).toEqual([
              contract,
              transaction.name,
              expected,
            ]);
          }
        }
      }
    },
  );

  it.each(served)(
    'definition %s: each answer schema lists its shape’s fields and every $ref resolves',
    (_name, metadata) => {
      const { schemas } = metadata.components;
      for (const [contract, answers] of Object.entries(Answers)) {
        if (metadata.contracts[contract] === undefined) continue;
        for (const shape of Object.values(answers as Record<string, AnswerShape>)) {
          expect([shape.name, Object.keys(schemas[shape.name]?.properties ?? {}).sort()]).toEqual([
            shape.name,
            fieldNames(shape),
          ]);
        }
      }
      for (const schema of Object.values(schemas)) {
        for (const ref of refsIn(schema.properties)) expect(Object.keys(schemas)).toContain(ref);
      }
    },
  );

  it('declares nested shapes, lists and open objects with Fabric’s own type names', () => {
    const { schemas } = metadataOf('realestate').components;
    expect(schemas['HolderUnitsAnswer']?.properties).toEqual({
      units: { type: 'array', items: { $ref: 'HeldUnit' } },
    });
    expect(schemas['HeldUnit']?.properties?.['titleCertificate']).toEqual({ type: 'string' });
    expect(schemas['UnitHistoryAnswer']?.properties?.['registrations']).toEqual({
      type: 'array',
      items: { $ref: 'JsonObject' },
    });
  });
});

describe('answers on the wire', () => {
  it('are the canonical JSON text the transaction returns: declaring the schema changes no byte', async () => {
    const router = new ShimRouter(smokeContracts);
    const ledger = new InMemoryLedger();
    const writer = ledger.newTransaction({
      identity: identityForRole(Roles.RegistryClerk),
      args: ['smoke:Put', 'k', 'v'],
    });
    expect((await router.invoke(writer)).status).toBe(200);
    writer.commit();
    const reader = ledger.newTransaction({
      identity: identityForRole(Roles.RegistryClerk),
      args: ['smoke:Get', 'k'],
    });
    const { status, payload } = await router.invoke(reader);
    expect(status).toBe(200);
    const text = payload.toString('utf8');
    expect(text).toBe(toCanonicalJson(JSON.parse(text)));
    expect(Object.keys(JSON.parse(text) as object)).toEqual(['key', 'updatedAt', 'updatedBy', 'value']);
  });

  it('would not be canonical as objects: the serializer writes an object in insertion order', async () => {
    // why transactions return text (answer-metadata.ts): the same answer returned as an object
    const router = new ShimRouter([ObjectAnswerContract]);
    const tx = new InMemoryLedger().newTransaction({
      identity: identityForRole(Roles.RegistryClerk),
      args: ['objects:Read'],
    });
    const { status, payload } = await router.invoke(tx);
    expect(status).toBe(200);
    const text = payload.toString('utf8');
    expect(Object.keys(JSON.parse(text) as object)).toEqual(['value', 'key', 'updatedAt', 'updatedBy']);
    expect(text).not.toBe(toCanonicalJson(JSON.parse(text)));
    // the serializer itself, whatever schema it is given: a string goes out as it is
    const serializer = new JSONSerializer();
    const schema = { $ref: `#/components/schemas/${SmokeRecordAnswer.name}` };
    expect(serializer.toBuffer('{"key":"k"}', schema).toString('utf8')).toBe('{"key":"k"}');
  });

  it('answers GetMetadata on the peer: the system contract can serialize the metadata object', async () => {
    // fabric-contract-api 2.5.8 asks class-transformer "^0.4.0", whose 0.4.1 lacks classToPlain and
    // failed every GetMetadata; package.json's override gives it 0.5.1, which has it
    const router = new ShimRouter(DefinitionEntries.realestate);
    const tx = new InMemoryLedger().newTransaction({
      identity: identityForRole(Roles.RegistryClerk),
      args: ['org.hyperledger.fabric:GetMetadata'],
    });
    const { status, payload } = await router.invoke(tx);
    expect(status).toBe(200);
    const metadata = JSON.parse(payload.toString('utf8')) as Metadata;
    expect(metadata.components.schemas).toHaveProperty(RegisterAnswer.name);
  });
});

/** A contract answering an object, as fabric-contract-api's samples do. */
class ObjectAnswerContract extends Contract {
  constructor() {
    super('objects');
  }

  @Transaction(false)
  @Returns(answerType(SmokeRecordAnswer))
  async Read(): Promise<object> {
    return Promise.resolve({ value: 'v', key: 'k', updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: 'x' });
  }
}

describe('every field kind has a Fabric type name', () => {
  it('covers the kinds the answers use', () => {
    const kinds = new Set<string>();
    const visit = (field: Field): void => {
      if (typeof field === 'string') kinds.add(field);
      else if ('optional' in field) visit(field.optional);
      else if ('list' in field) visit(field.list);
      else if ('nullable' in field) visit(field.nullable);
      else Object.values(field.fields).forEach(visit);
    };
    Object.values(Answers).forEach((answers) =>
      Object.values(answers as Record<string, AnswerShape>).forEach(visit),
    );
    expect([...kinds].sort()).toEqual(['boolean', 'number', 'object', 'string']);
  });
});
