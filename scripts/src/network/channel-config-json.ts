/**
 * The shapes configtxlator gives and takes as JSON (protobuf JSON with the
 * proto field names), navigated with checks: a wrong path names itself instead
 * of failing later as `undefined`.
 */
export type ConfigJson = Record<string, unknown>;

/** Fabric's common.HeaderType CONFIG_UPDATE. */
export const HEADER_TYPE_CONFIG_UPDATE = 2;

function objectAt(root: unknown, keys: readonly (string | number)[]): ConfigJson {
  let node: unknown = root;
  for (const [i, key] of keys.entries()) {
    const next: unknown =
      typeof key === 'number'
        ? Array.isArray(node)
          ? (node[key] as unknown)
          : undefined
        : node !== null && typeof node === 'object' && !Array.isArray(node)
          ? (node as ConfigJson)[key]
          : undefined;
    if (next === undefined || next === null || typeof next !== 'object') {
      throw new Error(`decoded config: nothing at ${keys.slice(0, i + 1).join('.')}`);
    }
    node = next;
  }
  return node as ConfigJson;
}

/** The common.Config inside a decoded config block (`peer channel fetch config`). */
export function configOfBlock(block: unknown): ConfigJson {
  return objectAt(block, ['data', 'data', 0, 'payload', 'data', 'config']);
}

/** The block's number (protobuf JSON writes uint64 as a decimal string). */
export function numberOfBlock(block: unknown): number {
  const value = objectAt(block, ['header'])['number'];
  const number = typeof value === 'string' || typeof value === 'number' ? Number(value) : NaN;
  if (!Number.isSafeInteger(number) || number < 0) throw new Error('decoded block: no header.number');
  return number;
}

/** The FabricMSPConfig of an application org (`…Application.groups.<MSPID>.values.MSP.value.config`). */
export function orgMspConfig(config: ConfigJson, mspId: string): ConfigJson {
  return objectAt(config, [
    'channel_group',
    'groups',
    'Application',
    'groups',
    mspId,
    'values',
    'MSP',
    'value',
    'config',
  ]);
}

/**
 * The Envelope that carries a ConfigUpdate to the orderer, as configtxlator
 * encodes it (`--type common.Envelope`); `peer channel update` adds the admin's
 * signature and signs the envelope.
 */
export function configUpdateEnvelope(channel: string, configUpdate: ConfigJson): ConfigJson {
  return {
    payload: {
      header: { channel_header: { channel_id: channel, type: HEADER_TYPE_CONFIG_UPDATE } },
      data: { config_update: configUpdate },
    },
  };
}
