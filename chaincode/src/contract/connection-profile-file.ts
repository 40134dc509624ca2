import * as path from 'node:path';

import { type ConnectionProfile, type PeerEndpoint } from './runtime-files';

// `.govtrace/gateway/connection.json` as both its writer (scripts/src/identity) and its reader (the
// gateway's Fabric module) check it: the shape is runtime-files.ts's ConnectionProfile.

/** connection.json is missing or not what runtime-files.ts says; the message names the first bad field. */
export class ConnectionProfileError extends Error {
  override readonly name = 'ConnectionProfileError';
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
/** host:port, with an IPv6 host in brackets. */
const ENDPOINT = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):\d{1,5}$/;

/** Validates a parsed connection.json; a relative TLS CA path is taken from the file's folder. */
export function parseConnectionProfile(raw: unknown, baseDir: string): ConnectionProfile {
  const root = asObject(raw, 'the file');
  const peers = root['peers'];
  if (!Array.isArray(peers) || peers.length === 0) {
    throw new ConnectionProfileError('peers must be a non-empty array');
  }
  return {
    channel: text(root, 'channel', NAME),
    peers: (peers as unknown[]).map((peer, index) => parsePeer(peer, `peers[${index}]`, baseDir)),
  };
}

function parsePeer(raw: unknown, at: string, baseDir: string): PeerEndpoint {
  const peer = asObject(raw, at);
  return {
    mspId: text(peer, 'mspId', NAME, at),
    endpoint: text(peer, 'endpoint', ENDPOINT, at),
    hostnameOverride: text(peer, 'hostnameOverride', /^[A-Za-z0-9.-]+$/, at),
    tlsRootCertPath: path.resolve(baseDir, text(peer, 'tlsRootCertPath', /./, at)),
  };
}

function asObject(raw: unknown, at: string): Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ConnectionProfileError(`${at} must be a JSON object`);
  }
  return raw as Record<string, unknown>;
}

function text(object: Record<string, unknown>, field: string, pattern: RegExp, at?: string): string {
  const value = object[field];
  if (typeof value !== 'string' || !pattern.test(value)) {
    throw new ConnectionProfileError(
      `${at ? `${at}.` : ''}${field} must be a string matching ${String(pattern)}`,
    );
  }
  return value;
}
