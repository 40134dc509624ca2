import { createPrivateKey } from 'node:crypto';
import { readFile } from 'node:fs/promises';

import { type CallOptions } from '@grpc/grpc-js';
import { connect, type Gateway, type Network } from '@hyperledger/fabric-gateway';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';

import { UnauthenticatedError, UnavailableError } from '../common/errors';
import { type EnrolledUser } from '../../../chaincode/src/contract';
import { IdentityStoreService } from '../identities/identity-store.service';
import { FABRIC_SETTINGS, type FabricSettings } from './fabric.settings';
import { PeerConnections } from './peer-connections';
import { type SigningSetup, signingSetupFor } from './native-signer';

interface PooledGateway {
  /** Which enrolment the gateway signs with; a re-enrolled user gets a new gateway. */
  readonly enrolment: string;
  readonly gateway: Gateway;
}

/**
 * One fabric-gateway Gateway per user, reused across requests: the user's own certificate and key
 * (identities.json), connected through the shared gRPC client of its organisation's peer, with a
 * deadline on every unary call. Event streams get no deadline: they are meant to stay open.
 */
@Injectable()
export class GatewayPool implements OnModuleDestroy {
  private readonly logger = new Logger(GatewayPool.name);
  readonly #gateways = new Map<string, Promise<PooledGateway>>();
  #lastServiceUser: string | undefined;

  constructor(
    private readonly connections: PeerConnections,
    private readonly identities: IdentityStoreService,
    @Inject(FABRIC_SETTINGS) private readonly settings: FabricSettings,
  ) {}

  /** The channel as seen by `user`'s gateway. */
  async network(user: string): Promise<Network> {
    const [gateway, profile] = await Promise.all([this.gateway(user), this.connections.profile()]);
    return gateway.getNetwork(profile.channel);
  }

  /**
   * The identity the gateway acts as when no caller does: the chaincode event listener, the
   * readiness probe and public ledger look-ups. FABRIC_SERVICE_USER (default `ledger-reader`) when
   * identities.json lists it unrevoked, otherwise the first unrevoked user of the file, so a fresh
   * setup without a dedicated reader still works. Read access is all it needs.
   */
  async serviceUser(): Promise<string> {
    const { users } = await this.identities.snapshot();
    const usable = users.filter((u) => !u.revoked);
    const chosen = usable.find((u) => u.user === this.settings.serviceUser) ?? usable[0];
    if (chosen === undefined) {
      throw new UnavailableError('No enrolled identity is available to read the ledger');
    }
    if (chosen.user !== this.#lastServiceUser) {
      this.#lastServiceUser = chosen.user;
      this.logger.log(`Service identity for ledger reads and events: ${chosen.user} (${chosen.mspId})`);
    }
    return chosen.user;
  }

  /**
   * A service identity of one organisation, for reads only its peers can answer (a query of its
   * private data collection): FABRIC_SERVICE_USER when it belongs to `mspId`, else the first
   * unrevoked user of that organisation.
   */
  async serviceUserOf(mspId: string): Promise<string> {
    const { users } = await this.identities.snapshot();
    const usable = users.filter((u) => !u.revoked && u.mspId === mspId);
    const chosen = usable.find((u) => u.user === this.settings.serviceUser) ?? usable[0];
    if (chosen === undefined) {
      throw new UnavailableError(`No enrolled identity of ${mspId} is available to read the ledger`);
    }
    return chosen.user;
  }

  /**
   * A dedicated service identity by name (the registry's holder verifier): no fallback to another
   * user, because the chaincode grants the read to that identity's role only. Missing or revoked is
   * the setup's fault, not the public caller's: 503.
   */
  async namedServiceUser(user: string): Promise<string> {
    const enrolled = await this.identities.findUser(user);
    if (enrolled === undefined || enrolled.revoked) {
      // on a gateway of another department the registry's verifier is never loaded (GATEWAY_DEPARTMENTS)
      throw new UnavailableError(
        `The service identity ${user} is not enrolled for the departments this gateway serves ` +
          `(${this.identities.departments?.join(', ') ?? 'all'}); ask the gateway that serves its department, or run network up`,
      );
    }
    return enrolled.user;
  }

  onModuleDestroy(): void {
    for (const entry of this.#gateways.values()) {
      entry.then(({ gateway }) => gateway.close()).catch(() => undefined);
    }
    this.#gateways.clear();
    this.connections.close();
  }

  private async gateway(user: string): Promise<Gateway> {
    const enrolled = await this.identities.findUser(user);
    if (enrolled === undefined || enrolled.revoked) {
      // the auth guard refuses these first; this covers a revocation between guard and ledger call
      throw new UnauthenticatedError(`No valid Fabric identity for ${user}`);
    }
    const enrolment = `${enrolled.mspId}|${enrolled.certificatePath}|${enrolled.privateKeyPath}|${enrolled.enrolledAt}`;
    const cached = this.#gateways.get(user);
    if (cached !== undefined) {
      const pooled = await cached;
      if (pooled.enrolment === enrolment) return pooled.gateway;
      pooled.gateway.close();
      this.#gateways.delete(user);
    }
    const created = this.connectAs(enrolled, enrolment);
    this.#gateways.set(user, created);
    created.catch(() => this.#gateways.delete(user));
    return (await created).gateway;
  }

  private async connectAs(user: EnrolledUser, enrolment: string): Promise<PooledGateway> {
    const peer = await this.connections.peerFor(user.mspId);
    const { certificate, signing } = await this.credentialsOf(user);
    const client = await this.connections.clientFor(peer);
    const { timeouts } = this.settings;
    const gateway = connect({
      client,
      identity: { mspId: user.mspId, credentials: certificate },
      signer: signing.signer,
      hash: signing.hash,
      evaluateOptions: deadline(timeouts.evaluateMs),
      endorseOptions: deadline(timeouts.endorseMs),
      submitOptions: deadline(timeouts.submitMs),
      commitStatusOptions: deadline(timeouts.commitStatusMs),
    });
    this.logger.log(`Gateway for ${user.user} (${user.mspId}) via ${peer.endpoint}`);
    return { enrolment, gateway };
  }

  private async credentialsOf(user: EnrolledUser): Promise<{ certificate: Buffer; signing: SigningSetup }> {
    try {
      const [certificate, privateKey] = await Promise.all([
        readFile(user.certificatePath),
        readFile(user.privateKeyPath),
      ]);
      return { certificate, signing: signingSetupFor(createPrivateKey(privateKey)) };
    } catch (error) {
      // the cause names files and key errors: logged here, not returned to the caller
      this.logger.error(`Credentials of ${user.user} cannot be loaded: ${String(error)}`);
      throw new UnavailableError(`The Fabric identity of ${user.user} cannot be loaded`, { cause: error });
    }
  }
}

/** fabric-gateway asks for call options at each call, so each call gets a fresh deadline. */
function deadline(ms: number): () => CallOptions {
  return () => ({ deadline: Date.now() + ms });
}
