import { crlFacts } from '../identity/crl';
import { newTestCa, type TestCa } from '../identity/testing/openssl-crl';
import { type ConfigJson, orgMspConfig } from './channel-config-json';
import { withOrgCrl } from './msp-crl';

/** The parts of configtxlator's decoded common.Config that the edit touches, two orgs. */
function decodedConfig(registryCrls?: string[]): ConfigJson {
  const org = (name: string, crls?: string[]): ConfigJson => ({
    mod_policy: 'Admins',
    values: {
      MSP: {
        mod_policy: 'Admins',
        value: {
          config: { name, root_certs: ['cm9vdA=='], ...(crls ? { revocation_list: crls } : {}) },
          type: 0,
        },
        version: '0',
      },
    },
    version: '0',
  });
  return {
    channel_group: {
      groups: {
        Application: {
          groups: { RegistryMSP: org('RegistryMSP', registryCrls), MarketMSP: org('MarketMSP', []) },
        },
      },
    },
    sequence: '7',
  };
}

const b64 = (pem: string): string => Buffer.from(pem, 'utf8').toString('base64');
const listOf = (config: ConfigJson, mspId: string): unknown => orgMspConfig(config, mspId)['revocation_list'];
const serialsIn = (entries: unknown): string[][] =>
  (entries as string[]).map((entry) => [...crlFacts(Buffer.from(entry, 'base64')).revokedSerials]);

describe("withOrgCrl: the org CA's CRL in the org's MSP of a decoded channel config", () => {
  let ca: TestCa;
  let otherCa: TestCa;
  beforeAll(() => {
    ca = newTestCa('ca.registry.test');
    otherCa = newTestCa('ca2.registry.test');
  });
  afterAll(() => {
    ca.remove();
    otherCa.remove();
  });

  it('adds the CRL as base64 of its PEM, to that org only, leaving the input as it was', () => {
    const config = decodedConfig([]);
    const before = JSON.stringify(config);
    const pem = ca.crl(['0A']);
    const edit = withOrgCrl(config, 'RegistryMSP', pem);
    if (edit.kind !== 'updated') throw new Error(`expected an update, got: ${edit.reason}`);
    expect(listOf(edit.config, 'RegistryMSP')).toEqual([b64(pem)]);
    expect(edit.replaced).toBe(0);
    expect(edit.revokedSerials).toEqual(['a']);
    expect(listOf(edit.config, 'MarketMSP')).toEqual([]);
    expect(orgMspConfig(edit.config, 'RegistryMSP')['root_certs']).toEqual(['cm9vdA==']);
    expect(JSON.stringify(config)).toBe(before);
  });

  it('adds it when the decoded MSP has no revocation_list field at all', () => {
    const edit = withOrgCrl(decodedConfig(undefined), 'RegistryMSP', ca.crl(['0A']));
    expect(edit.kind).toBe('updated');
  });

  it('changes nothing when the same CRL is there already (revoke run again)', () => {
    const pem = ca.crl(['0A']);
    const first = withOrgCrl(decodedConfig([]), 'RegistryMSP', pem);
    if (first.kind !== 'updated') throw new Error('expected an update');
    const again = withOrgCrl(first.config, 'RegistryMSP', pem);
    expect(again).toEqual({ kind: 'unchanged', reason: expect.stringMatching(/already holds/) as unknown });
  });

  it('changes nothing for a CRL fetched again with the same revocations but new bytes', () => {
    const older = ca.crl(['0A', '0B']);
    const newer = ca.crl(['0B', '0A']);
    expect(newer).not.toBe(older);
    expect(withOrgCrl(decodedConfig([b64(older)]), 'RegistryMSP', newer).kind).toBe('unchanged');
  });

  it('replaces the previous CRL of the same CA instead of adding a second one', () => {
    const edit = withOrgCrl(decodedConfig([b64(ca.crl(['0A']))]), 'RegistryMSP', ca.crl(['0A', '0B']));
    if (edit.kind !== 'updated') throw new Error('expected an update');
    expect(edit.replaced).toBe(1);
    expect(serialsIn(listOf(edit.config, 'RegistryMSP'))).toEqual([['a', 'b']]);
  });

  it('collapses copies of the same CA piled up earlier into the one new CRL', () => {
    const piled = [b64(ca.crl(['0A'])), b64(ca.crl(['0A']))];
    const edit = withOrgCrl(decodedConfig(piled), 'RegistryMSP', ca.crl(['0A']));
    if (edit.kind !== 'updated') throw new Error('expected an update');
    expect(edit.replaced).toBe(2);
    expect(listOf(edit.config, 'RegistryMSP')).toHaveLength(1);
  });

  it("keeps other CAs' CRLs and entries it cannot read, in their order", () => {
    const foreign = b64(otherCa.crl(['07']));
    const unreadable = Buffer.from('not a crl').toString('base64');
    const ours = ca.crl(['0A']);
    const edit = withOrgCrl(decodedConfig([foreign, b64(ca.crl([])), unreadable]), 'RegistryMSP', ours);
    if (edit.kind !== 'updated') throw new Error('expected an update');
    expect(listOf(edit.config, 'RegistryMSP')).toEqual([foreign, unreadable, b64(ours)]);
  });

  it('refuses a CRL without authority key identifier: Fabric would then fail every member of the org', () => {
    expect(() => withOrgCrl(decodedConfig([]), 'RegistryMSP', ca.crl(['0A'], { withAki: false }))).toThrow(
      /authority key identifier/,
    );
  });

  it('names the missing path for an org that is not in the config', () => {
    expect(() => withOrgCrl(decodedConfig([]), 'TaxMSP', ca.crl(['0A']))).toThrow(
      'decoded config: nothing at channel_group.groups.Application.groups.TaxMSP',
    );
  });
});
