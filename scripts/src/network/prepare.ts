import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { installSampleconfig } from '../fabric/sampleconfig';
import { log } from '../lib/log';
import { paths } from '../lib/paths';
import { fabricTool } from './admin-cli';
import { crypto, cryptoRoot } from './crypto-layout';
import { channelBlockFile, configDirs } from './process-specs';
import { renderConfigtx, renderCryptoConfig } from './render-config';
import { fqdn, type Topology } from './topology';

/** The org nodes the topology names whose identity cryptogen has not issued yet. */
function missingNodeIdentities(topology: Topology): string[] {
  return topology.peerOrgs.flatMap((org) => [
    ...org.peers
      .filter((peer) => !existsSync(crypto.peerTls(org, peer).cert))
      .map((peer) => fqdn.peer(org, peer)),
    ...(existsSync(crypto.caServerTls(org).cert) ? [] : [fqdn.ca(org)]),
  ]);
}

/**
 * Everything `up` needs on disk before a process starts: crypto material,
 * Fabric's config files, and the channel's genesis block. Each step is skipped
 * when its output exists, so `up` can run any number of times.
 */
export async function prepareNetworkFiles(topology: Topology): Promise<void> {
  await mkdir(configDirs.configtx(), { recursive: true });
  const source = (file: string): Promise<string> =>
    readFile(path.join(paths.networkDefinition, file), 'utf8');

  const cryptoConfig = path.join(configDirs.configtx(), 'crypto-config.yaml');
  if (!existsSync(path.join(cryptoRoot(), 'peerOrganizations'))) {
    log.detail('generating crypto material (cryptogen)');
    await writeFile(cryptoConfig, renderCryptoConfig(await source('crypto-config.yaml'), topology));
    try {
      await fabricTool('cryptogen', ['generate', `--config=${cryptoConfig}`, `--output=${cryptoRoot()}`]);
    } catch (error) {
      await rm(cryptoRoot(), { recursive: true, force: true }); // never leave half an identity tree
      throw error;
    }
  } else if (missingNodeIdentities(topology).length > 0) {
    // Crypto material from before the node list grew (the Fabric CAs' TLS identities, a peer added
    // to an org): `cryptogen extend` issues only the missing nodes, with the orgs' existing CAs, so
    // every certificate already on the channel stays as it is.
    log.detail(
      `adding ${missingNodeIdentities(topology).join(', ')} to the existing crypto material (cryptogen extend)`,
    );
    await writeFile(cryptoConfig, renderCryptoConfig(await source('crypto-config.yaml'), topology));
    await fabricTool('cryptogen', ['extend', `--config=${cryptoConfig}`, `--input=${cryptoRoot()}`]);
  }

  await installSampleconfig('core.yaml', configDirs.peer());
  await installSampleconfig('orderer.yaml', configDirs.orderer());
  await writeFile(
    path.join(configDirs.configtx(), 'configtx.yaml'),
    renderConfigtx(await source('configtx.yaml'), topology),
  );

  const block = channelBlockFile(topology);
  if (!existsSync(block)) {
    log.detail(`creating the genesis block of channel ${topology.channel} (configtxgen)`);
    await mkdir(path.dirname(block), { recursive: true });
    await fabricTool('configtxgen', [
      '-configPath',
      configDirs.configtx(),
      '-profile',
      'GovtraceChannel',
      '-channelID',
      topology.channel,
      '-outputBlock',
      block,
    ]);
  }
}
