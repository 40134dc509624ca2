// The private data collections of the chaincode definitions (network/collections/<definition>.json). Personal data
// (names, ID numbers, household references) lives only in these; the channel's public state holds
// masked names and salted hashes.
//
// Transactions that carry personal data as transient data are endorsed only by members of the
// collection it goes to (Fabric's gateway will not send transient data elsewhere). Other
// transactions may still be endorsed by peers that are not members and cannot read a collection, so
// never let a private-data READ decide a public write or an error inside a submit transaction:
// verify private facts by comparing ctx.stub.getPrivateDataHash(...) — which every peer of the
// channel has — or public salted hashes with values the client sent as transient data.

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
