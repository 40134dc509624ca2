import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createContext, Script } from 'node:vm';

import {
  CertificateRules,
  HolderRules,
  PROPERTY_USAGES,
  type RegistrationType,
  RegistrationTypes,
} from '../../../chaincode/src/contract';

// The console's registration form shows, per type, the fields the chaincode's rules ask for
// (assets/console-registry-fields.js, a plain browser module without imports or DOM). The module is
// evaluated here as a script with its `export` keywords taken off, and its table compared with the
// contract's own rules, so a rule changed in the chaincode fails here instead of in a clerk's form.

interface FormShape {
  certificate: 'required' | 'optional' | 'none';
  holders: 'required' | 'optional' | 'none';
  groups: Record<string, 'required' | 'optional'>;
}

interface FieldsModule {
  REGISTRATION_TYPES: string[];
  USAGES: string[];
  fieldsOfType(type: string): FormShape | null;
}

function loadFieldsModule(): FieldsModule {
  const file = path.join(__dirname, 'assets', 'console-registry-fields.js');
  const source = readFileSync(file, 'utf8').replace(/^export /gm, '');
  const context = createContext({});
  new Script(`${source}\nglobalThis.loaded = { REGISTRATION_TYPES, USAGES, fieldsOfType };`, {
    filename: file,
  }).runInContext(context);
  return (context as { loaded: FieldsModule }).loaded;
}

/** register-request.ts RequiredFields, as API.md states it. */
const REQUIRED: Partial<Record<RegistrationType, string[]>> = {
  SEIZURE: ['court', 'courtOrder'],
  SEIZURE_RELEASE: ['courtOrder'],
  MORTGAGE: ['mortgage'],
  TRANSFER: ['deedTaxClearanceNumber'],
  CHANGE: ['description'],
  CORRECTION: ['description'],
  OBJECTION: ['description'],
};

describe('console registration form fields', () => {
  const fields = loadFieldsModule();

  it('offers the 11 registration types of the contract, in its order', () => {
    expect([...fields.REGISTRATION_TYPES]).toEqual([...RegistrationTypes]);
  });

  it.each([...RegistrationTypes])('%s: certificate and holders as the chaincode rules say', (type) => {
    const shape = fields.fieldsOfType(type);
    const rule = CertificateRules[type];
    expect(shape?.certificate).toBe(rule.kind === null ? 'none' : rule.required ? 'required' : 'optional');
    expect(shape?.holders).toBe(HolderRules[type]);
  });

  it.each([...RegistrationTypes])('%s: every field the chaincode requires is shown as required', (type) => {
    const groups = fields.fieldsOfType(type)?.groups ?? {};
    const required = Object.keys(groups).filter((name) => groups[name] === 'required');
    expect(required.sort()).toEqual([...(REQUIRED[type] ?? [])].sort());
  });

  it('knows no other type, and offers the registry usage list', () => {
    expect(fields.fieldsOfType('SALE')).toBeNull();
    expect([...fields.USAGES]).toEqual([...PROPERTY_USAGES]);
  });
});
