import { forEachLengthDelimited } from './protobuf-wire';

// kvrwset.KVRWSet { reads = 1; range_queries_info = 2; writes = 3; metadata_writes = 4 }
const KV_RWSET_WRITES = 3;
// kvrwset.KVWrite { key = 1; is_delete = 2; value = 3 }
const KV_WRITE_KEY = 1;

/**
 * The keys a namespace's public write set (a serialised kvrwset.KVRWSet) writes or deletes, in
 * write-set order. Reads, range queries, metadata writes and the values are skipped unread.
 */
export function writtenKeys(kvRwSet: Uint8Array): string[] {
  const keys: string[] = [];
  forEachLengthDelimited(kvRwSet, KV_RWSET_WRITES, (write) => {
    // proto3 omits an empty string, so a write without field 1 is the key ''
    let key = '';
    forEachLengthDelimited(write, KV_WRITE_KEY, (bytes) => {
      key = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    });
    keys.push(key);
  });
  return keys;
}
