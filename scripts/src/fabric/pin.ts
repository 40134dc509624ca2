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
  version: '3.1.1',
  module: 'github.com/hyperledger/fabric',
  // tag v3.1.1 = commit 435a7f1a780a, committed 2025-05-10 20:00:36 UTC. The newest
  // release the Go module proxy here serves: 3.1.2 to 3.1.5 are refused (403), so
  // their fixes are missing. To move the pin, see README "Fabric release".
  moduleVersion: 'v1.4.0-rc1.0.20250510200036-435a7f1a780a',
  // configtxlator: decoding and encoding channel configuration (channel config updates, e.g. CRLs).
  commands: ['peer', 'orderer', 'configtxgen', 'configtxlator', 'osnadmin', 'cryptogen'],
  // its go.mod says `go 1.24.2`
  minimumGo: '1.24.2',
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
