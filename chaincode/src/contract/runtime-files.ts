/**
 * Files the setup scripts write under the runtime folder (.govtrace/gateway/)
 * and the gateway reads at start-up. scripts/src/identity writes them; the
 * shapes here are the contract between the two.
 */

/** `.govtrace/gateway/connection.json`: where the gateway finds the network. */
export interface ConnectionProfile {
  readonly channel: string;
  // no chaincode name: the definitions are chaincode/src/common/definitions.ts's, one per department
  readonly peers: readonly PeerEndpoint[];
}

export interface PeerEndpoint {
  readonly mspId: string;
  /** host:port to dial. */
  readonly endpoint: string;
  /** The TLS server name in the peer's certificate (TLS server names must not be IP addresses). */
  readonly hostnameOverride: string;
  /** PEM file of the CA that issued the peer's TLS certificate. */
  readonly tlsRootCertPath: string;
}

/**
 * `.govtrace/gateway/identities.json`: one entry per enrolled user. The token
 * itself is never stored here, only its SHA-256 (hex); the plain tokens go to
 * `.govtrace/api-tokens.json` for the people who use them.
 */
export interface IdentityStore {
  readonly version: 1;
  readonly users: readonly EnrolledUser[];
}

export interface EnrolledUser {
  readonly user: string;
  readonly mspId: string;
  readonly role: string;
  /** PEM X.509 certificate issued by the org's Fabric CA, with the govtrace.role attribute. */
  readonly certificatePath: string;
  /** PEM PKCS#8 private key. */
  readonly privateKeyPath: string;
  readonly tokenSha256: string;
  readonly revoked: boolean;
  readonly enrolledAt: string;
  /**
   * Present for a device identity only (role vehicle_device or site_device): what its certificate
   * binds it to, the same value as its govtrace.vehicle or govtrace.site attribute.
   */
  readonly device?: DeviceAssignment;
}

/** What a device identity is fitted to: a registered vehicle (its plate) or a site. */
export type DeviceAssignment = { readonly vehicleId: string } | { readonly siteId: string };
