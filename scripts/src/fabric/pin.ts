/**
 * The one place that names the Fabric release we run. Changing a pin here
 * makes `fabric build` rebuild into a new cache folder; nothing else changes.
 */
export interface GoModulePin {
  /** Human version, stamped into the binaries (`peer version`). */
  readonly version: string;
  readonly module: string;
  /**
   * The version as the Go module proxy knows it. Fabric's module path has no
   * /v3 suffix, so its v3 tags are not valid module versions; the commit of the
   * tag is named instead, which Go spells as a pseudo-version
   * (v1.4.0-rc1 is the newest v1 tag reachable from the commit; the timestamp is
   * the commit time in UTC).
   */
  readonly moduleVersion: string;
  readonly commands: readonly string[];
  /** The oldest Go that builds this release (its go.mod `go` line). */
  readonly minimumGo: string;
  /** The peer builds without cgo; fabric-ca needs it for sqlite. */
  readonly cgo: boolean;
  /** Import path of the variable that carries the version, when the module has one. */
  readonly versionVariable?: string;
  /** A folder of the module's default configuration to keep beside the binaries. */
  readonly configFolder?: string;
}

export const fabricPin: GoModulePin = {
  version: '3.1.5',
  module: 'github.com/hyperledger/fabric',
  // tag v3.1.5 = commit 86c1172bec37e6590c6b1ae6f847833df48d65fc, committed 2026-06-18 07:48:16 UTC
  moduleVersion: 'v1.4.0-rc1.0.20260618074816-86c1172bec37',
  commands: ['peer', 'orderer', 'configtxgen', 'osnadmin', 'cryptogen'],
  minimumGo: '1.26.4',
  cgo: false,
  versionVariable: 'github.com/hyperledger/fabric/common/metadata.Version',
  // core.yaml and orderer.yaml: Fabric's defaults, which our scripts override with environment variables.
  configFolder: 'sampleconfig',
};

export const fabricCaPin: GoModulePin = {
  version: '1.5.21',
  module: 'github.com/hyperledger/fabric-ca',
  moduleVersion: 'v1.5.21',
  commands: ['fabric-ca-server', 'fabric-ca-client'],
  minimumGo: '1.25.0',
  cgo: true,
  versionVariable: 'github.com/hyperledger/fabric-ca/lib/metadata.Version',
};

export const pinnedModules: readonly GoModulePin[] = [fabricPin, fabricCaPin];

/** Folder name of a pin's cached binaries: changes whenever the pin does. */
export function pinFolderName(pin: GoModulePin): string {
  const shortModule = pin.module.split('/').pop() ?? pin.module;
  return `${shortModule}-${pin.version}-${pin.moduleVersion.slice(-12)}`;
}
