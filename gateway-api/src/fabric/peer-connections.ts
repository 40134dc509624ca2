import { readFile } from 'node:fs/promises';

import * as grpc from '@grpc/grpc-js';
import { Inject, Injectable, Logger } from '@nestjs/common';

import { UnavailableError } from '../common/errors';
import {
  type ConnectionProfile,
  ConnectionProfileError,
  type PeerEndpoint,
} from '../../../chaincode/src/contract';
import { loadConnectionProfile } from './connection-profile';
import { FABRIC_SETTINGS, type FabricSettings } from './fabric.settings';

/** qscc answers whole blocks (GetBlockByTxID); gRPC's default 4 MB limit is below Fabric's block size. */
const MAX_RECEIVE_BYTES = 100 * 1024 * 1024;

/**
 * The connection profile and one gRPC connection per peer endpoint, shared by every Gateway (one
 * per user) that talks to that peer. Both are made on first use: the gateway starts, and answers
 * /health, before the network or connection.json exists, and reports Fabric as not ready until then.
 * GatewayPool owns the lifecycle and calls close() on shutdown.
 */
@Injectable()
export class PeerConnections {
  private readonly logger = new Logger(PeerConnections.name);
  #profile: Promise<ConnectionProfile> | undefined;
  readonly #clients = new Map<string, Promise<grpc.Client>>();

  constructor(@Inject(FABRIC_SETTINGS) private readonly settings: FabricSettings) {}

  /** The connection profile, read once it is readable; a failed read is tried again next time. */
  profile(): Promise<ConnectionProfile> {
    this.#profile ??= loadConnectionProfile(this.settings.connectionProfilePath).catch((error: unknown) => {
      this.#profile = undefined;
      const reason = error instanceof ConnectionProfileError ? error.message : String(error);
      this.logger.error(`Connection profile ${this.settings.connectionProfilePath}: ${reason}`);
      throw new UnavailableError('The gateway has no usable connection profile for the network', {
        cause: error,
      });
    });
    return this.#profile;
  }

  /** The peer that serves an organisation's users: its first peer in the profile. */
  async peerFor(mspId: string): Promise<PeerEndpoint> {
    const peer = (await this.profile()).peers.find((candidate) => candidate.mspId === mspId);
    if (peer === undefined) {
      throw new UnavailableError(`The connection profile names no peer for ${mspId}`);
    }
    return peer;
  }

  /** The shared gRPC client for a peer endpoint, created on first use. */
  clientFor(peer: PeerEndpoint): Promise<grpc.Client> {
    let client = this.#clients.get(peer.endpoint);
    if (client === undefined) {
      client = this.connect(peer);
      this.#clients.set(peer.endpoint, client);
      client.catch(() => this.#clients.delete(peer.endpoint));
    }
    return client;
  }

  close(): void {
    for (const client of this.#clients.values()) {
      client.then((c) => c.close()).catch(() => undefined);
    }
    this.#clients.clear();
  }

  private async connect(peer: PeerEndpoint): Promise<grpc.Client> {
    let rootCert: Buffer;
    try {
      rootCert = await readFile(peer.tlsRootCertPath);
    } catch (error) {
      this.logger.error(`TLS root certificate of ${peer.endpoint} unreadable: ${String(error)}`);
      throw new UnavailableError(`The TLS settings for the ${peer.mspId} peer cannot be loaded`, {
        cause: error,
      });
    }
    this.logger.log(`Connecting to ${peer.mspId} peer ${peer.endpoint} (TLS name ${peer.hostnameOverride})`);
    // The endpoint may be an IP address, which cannot be a TLS server name: the certificate is
    // checked against hostnameOverride instead, and the same name is sent as the HTTP/2 authority.
    return new grpc.Client(peer.endpoint, grpc.credentials.createSsl(rootCert), {
      'grpc.ssl_target_name_override': peer.hostnameOverride,
      'grpc.default_authority': peer.hostnameOverride,
      'grpc.max_receive_message_length': MAX_RECEIVE_BYTES,
    });
  }
}
