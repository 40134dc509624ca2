// The private data collections of the chaincode definition (network/collections.json). Personal data
// (names, ID numbers, household references) lives only in these; the channel's public state holds
// masked names and salted hashes.
//
// Endorsing peers of other departments take part in transactions too (the chaincode-level policy
// needs two organisations for a new key), and they cannot read a collection they are not a member
// of. So a submit transaction must never let a private read decide a public write or an error:
// verify private facts by comparing ctx.stub.getPrivateDataHash(...) — which every peer of the
// channel has — with the hash of values the client sent as transient data.

export const Collections = {
  /** Holders' names, ID numbers and salts (real-estate registry). */
  RegistryPrivate: 'registryPrivate',
  /** Transferees of deed-tax clearances: written by the tax bureau, read by the registry. */
  DeedTaxShared: 'deedTaxShared',
  /** Legal representatives and applicants (market regulation). */
  MarketPrivate: 'marketPrivate',
  /** Household references of waste bags (urban management). */
  UrbanPrivate: 'urbanPrivate',
} as const;

export type Collection = (typeof Collections)[keyof typeof Collections];
