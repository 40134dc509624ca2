import * as path from 'node:path';

/** The repository root: scripts/src/lib → ../../.. */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');

/**
 * Everything the scripts create at run time lives under one git-ignored folder,
 * so `down --purge` and `.gitignore` have a single place to care about.
 * GOVTRACE_HOME moves it (for example to run two networks side by side).
 */
export const runtimeRoot = path.resolve(process.env['GOVTRACE_HOME'] ?? path.join(repoRoot, '.govtrace'));

export const paths = {
  repoRoot,
  runtimeRoot,
  /** Fabric binaries, one folder per pin, kept across `down --purge`. */
  binariesRoot: path.join(runtimeRoot, 'bin'),
  /** A throwaway Go module used to build the pinned Fabric commands. */
  goBuildRoot: path.join(runtimeRoot, 'go-build'),
  /** Network state: crypto material, ledgers, configuration copies, pids, logs. */
  networkRoot: path.join(runtimeRoot, 'network'),
  networkDefinition: path.join(repoRoot, 'network'),
  /**
   * Where every process listens and which peers each org runs. GOVTRACE_TOPOLOGY names another file
   * (for example a copy with shifted ports or a second peer per org, next to another GOVTRACE_HOME).
   */
  /** The repository's own topology (the unit tests read this one, whatever GOVTRACE_TOPOLOGY says). */
  shippedTopologyFile: path.join(repoRoot, 'network', 'topology.yaml'),
  topologyFile: path.resolve(
    process.env['GOVTRACE_TOPOLOGY'] ?? path.join(repoRoot, 'network', 'topology.yaml'),
  ),
  chaincodeSource: path.join(repoRoot, 'chaincode'),
  /**
   * Enrolled users' certificates and keys, the plain API tokens and the files the
   * gateway reads. Outside the network folder: `down --purge` keeps them (the next
   * `up` re-enrolls users whose certificate the new CAs did not issue; tokens stay).
   */
  identitiesRoot: path.join(runtimeRoot, 'identities'),
  gatewayRoot: path.join(runtimeRoot, 'gateway'),
  apiTokensFile: path.join(runtimeRoot, 'api-tokens.json'),
} as const;

export function networkPath(...segments: string[]): string {
  return path.join(paths.networkRoot, ...segments);
}
