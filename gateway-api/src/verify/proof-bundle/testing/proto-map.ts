import { type common } from '@hyperledger/fabric-protos';

/**
 * The part of google-protobuf's jspb.Map that config groups use. fabric-protos types its map fields
 * with google-protobuf's own typings, which are not installed here, so they arrive as `any`; this
 * gives them a type once instead of letting `any` spread.
 */
export interface ProtoMap<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): unknown;
  forEach(callback: (value: V, key: string) => void): void;
}

export function subGroups(group: common.ConfigGroup): ProtoMap<common.ConfigGroup> {
  return group.getGroupsMap() as ProtoMap<common.ConfigGroup>;
}

export function configValues(group: common.ConfigGroup): ProtoMap<common.ConfigValue> {
  return group.getValuesMap() as ProtoMap<common.ConfigValue>;
}
