import { crlFacts, type CrlFacts } from '../identity/crl';
import { type ConfigJson, orgMspConfig } from './channel-config-json';

/**
 * Puts an org's CA's CRL into that org's MSP definition in a decoded channel
 * configuration (configtxlator's JSON of common.Config). The MSP's
 * `revocation_list` holds base64 of each CRL's bytes (PEM, as configtxgen
 * writes them); the peers and orderers refuse every certificate listed in a CRL
 * whose authority key identifier is the SKI of the certificate's issuer.
 */
export type CrlEdit =
  | { readonly kind: 'unchanged'; readonly reason: string }
  | {
      readonly kind: 'updated';
      readonly config: ConfigJson;
      /** How many earlier CRLs of the same CA it replaces (0 or 1, more only if someone piled them up). */
      readonly replaced: number;
      readonly revokedSerials: readonly string[];
    };

function factsOf(entry: unknown): CrlFacts | undefined {
  if (typeof entry !== 'string') return undefined;
  try {
    return crlFacts(Buffer.from(entry, 'base64'));
  } catch {
    // Not a CRL we can read: not ours to judge; it stays as it is.
    return undefined;
  }
}

const sameSerials = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((serial, i) => serial === b[i]);

/**
 * The config with `crlPem` as `mspId`'s only CRL from that CA: earlier CRLs with
 * the same authority key identifier are dropped (a CA's newest CRL lists all
 * its revocations), CRLs of other CAs stay. Unchanged when the config already
 * holds exactly one CRL of that CA revoking the same serial numbers, whatever
 * its bytes (a CRL fetched again differs only in its dates). The input is not
 * modified.
 */
export function withOrgCrl(config: ConfigJson, mspId: string, crlPem: string): CrlEdit {
  const facts = crlFacts(crlPem);
  if (facts.authorityKeyId === undefined) {
    // Fabric fails to validate *every* identity of an MSP holding a CRL without AKI.
    throw new Error('the CRL has no authority key identifier; Fabric cannot use it');
  }
  const current = orgMspConfig(config, mspId);
  const list: unknown[] = Array.isArray(current['revocation_list']) ? current['revocation_list'] : [];
  const sameCa = (entry: unknown): boolean => factsOf(entry)?.authorityKeyId === facts.authorityKeyId;
  const ofThisCa = list.filter(sameCa);
  const onlyOne = ofThisCa.length === 1 ? factsOf(ofThisCa[0]) : undefined;
  if (onlyOne && sameSerials(onlyOne.revokedSerials, facts.revokedSerials)) {
    return {
      kind: 'unchanged',
      reason: `${mspId}'s MSP already holds this CA's CRL (${facts.revokedSerials.length} revoked)`,
    };
  }
  const updated = structuredClone(config);
  orgMspConfig(updated, mspId)['revocation_list'] = [
    ...list.filter((entry) => !sameCa(entry)),
    Buffer.from(crlPem, 'utf8').toString('base64'),
  ];
  return {
    kind: 'updated',
    config: updated,
    replaced: ofThisCa.length,
    revokedSerials: facts.revokedSerials,
  };
}
