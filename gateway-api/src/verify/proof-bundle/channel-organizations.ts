import { common, msp } from '@hyperledger/fabric-protos';

import { type ProofOrganization } from './bundle-format';
import { decodeOrThrow, present } from './decode';
import { ProofBundleError } from './proof-bundle-error';
import { configValues, subGroups } from './proto-map';

/** MSPConfig.type of an X.509 (non-idemix) MSP, Fabric's msp.FABRIC. */
const FABRIC_MSP_TYPE = 0;

/** The config groups whose sub-groups are organisations: peers' orgs and the orderer org(s). */
const ORGANIZATION_PARENTS = ['Application', 'Orderer'] as const;

/**
 * The CA certificates of every organisation in a configuration block: what lets a verifier check
 * that an endorser's certificate belongs to the org it claims.
 *
 *   Block.data[0] → Envelope → Payload (header type CONFIG) → ConfigEnvelope.config → Config
 *     .channel_group.groups[Application | Orderer].groups[org].values['MSP']
 *       → MSPConfig (type FABRIC) → FabricMSPConfig { name, root_certs, intermediate_certs }
 *
 * An org in both parents appears once. Non-X.509 MSPs (idemix) are skipped: they have no CA
 * certificates and cannot endorse. Sorted by MSP id so equal configurations give equal bundles.
 */
export function channelOrganizations(configBlockBytes: Uint8Array, channel: string): ProofOrganization[] {
  const channelGroup = channelGroupOf(configBlockBytes, channel);
  const organizations = new Map<string, ProofOrganization>();
  for (const parent of ORGANIZATION_PARENTS) {
    const parentGroup = subGroups(channelGroup).get(parent);
    const orgGroups = parentGroup === undefined ? undefined : subGroups(parentGroup);
    orgGroups?.forEach((group, groupName) => {
      const organization = organizationOf(group, `${parent}/${groupName}`);
      if (organization !== undefined) organizations.set(organization.mspId, organization);
    });
  }
  if (organizations.size === 0) {
    throw new ProofBundleError('MALFORMED_CONFIG', 'the configuration block defines no organisation');
  }
  return [...organizations.values()].sort((a, b) => (a.mspId < b.mspId ? -1 : a.mspId > b.mspId ? 1 : 0));
}

function channelGroupOf(configBlockBytes: Uint8Array, channel: string): common.ConfigGroup {
  return decodeOrThrow('MALFORMED_CONFIG', 'the configuration block', () => {
    const block = common.Block.deserializeBinary(configBlockBytes);
    const [envelopeBytes] = present('MALFORMED_CONFIG', block.getData(), 'block data').getDataList_asU8();
    const envelope = common.Envelope.deserializeBinary(
      present('MALFORMED_CONFIG', envelopeBytes, 'envelope'),
    );
    const payload = common.Payload.deserializeBinary(envelope.getPayload_asU8());
    const header = present('MALFORMED_CONFIG', payload.getHeader(), 'payload header');
    const channelHeader = common.ChannelHeader.deserializeBinary(header.getChannelHeader_asU8());
    if (channelHeader.getType() !== common.HeaderType.CONFIG) {
      throw new ProofBundleError('MALFORMED_CONFIG', 'the block passed as configuration block is not one');
    }
    if (channelHeader.getChannelId() !== channel) {
      throw new ProofBundleError(
        'MALFORMED_CONFIG',
        `the configuration block is for channel ${channelHeader.getChannelId()}, not ${channel}`,
      );
    }
    const config = common.ConfigEnvelope.deserializeBinary(payload.getData_asU8()).getConfig();
    return present('MALFORMED_CONFIG', config?.getChannelGroup(), 'channel group');
  });
}

function organizationOf(group: common.ConfigGroup, path: string): ProofOrganization | undefined {
  const value = configValues(group).get('MSP');
  if (value === undefined) return undefined;
  return decodeOrThrow('MALFORMED_CONFIG', `the MSP definition of ${path}`, () => {
    const mspConfig = msp.MSPConfig.deserializeBinary(value.getValue_asU8());
    if (mspConfig.getType() !== FABRIC_MSP_TYPE) return undefined;
    const fabric = msp.FabricMSPConfig.deserializeBinary(mspConfig.getConfig_asU8());
    if (fabric.getName() === '') throw new ProofBundleError('MALFORMED_CONFIG', `${path} names no MSP id`);
    return {
      mspId: fabric.getName(),
      rootCerts: fabric.getRootCertsList_asU8().map(pem),
      intermediateCerts: fabric.getIntermediateCertsList_asU8().map(pem),
    };
  });
}

/** Fabric stores MSP certificates as PEM bytes. */
function pem(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('utf8');
}
