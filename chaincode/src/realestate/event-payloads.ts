// Event payloads leave out the txId: the gateway reads it from the event envelope, and the payload
// then holds only facts of the ledger state.

export function withoutTxId<T extends { readonly txId: string }>(record: T): Omit<T, 'txId'> {
  return Object.fromEntries(Object.entries(record).filter(([key]) => key !== 'txId')) as Omit<T, 'txId'>;
}
