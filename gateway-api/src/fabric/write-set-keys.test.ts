import { ledger } from '@hyperledger/fabric-protos';

import { BlockDecodeError } from './block-decode.error';
import { writtenKeys } from './write-set-keys';

const { kvrwset } = ledger.rwset;

function write(
  key: string,
  options: { isDelete?: boolean; value?: string } = {},
): ledger.rwset.kvrwset.KVWrite {
  const result = new kvrwset.KVWrite();
  result.setKey(key);
  result.setIsDelete(options.isDelete ?? false);
  if (options.value !== undefined) result.setValue(Buffer.from(options.value));
  return result;
}

describe('writtenKeys', () => {
  it('lists the written and deleted keys in order and agrees with google-protobuf', () => {
    const set = new kvrwset.KVRWSet();
    const read = new kvrwset.KVRead();
    read.setKey('only read');
    const version = new kvrwset.Version();
    version.setBlockNum(2 ** 40); // a multi-byte varint to skip
    version.setTxNum(7);
    read.setVersion(version);
    set.setReadsList([read]);
    const range = new kvrwset.RangeQueryInfo();
    range.setStartKey('a');
    range.setEndKey('z');
    range.setItrExhausted(true);
    set.setRangeQueriesInfoList([range]);
    set.setWritesList([
      write('\u0000bag\u0000440106010000000016\u0000', { value: '{"status":"COLLECTED"}' }),
      write('粤(2026)广州市不动产权第09400110号', { value: 'x'.repeat(300) }), // a multi-byte length
      write('gone', { isDelete: true }),
      write(''), // proto3 leaves an empty key out of the encoding altogether
    ]);
    const metadata = new kvrwset.KVMetadataWrite();
    metadata.setKey('policy changed, not written');
    set.setMetadataWritesList([metadata]);
    const bytes = set.serializeBinary();

    const expected = [
      '\u0000bag\u0000440106010000000016\u0000',
      '粤(2026)广州市不动产权第09400110号',
      'gone',
      '',
    ];
    expect(writtenKeys(bytes)).toEqual(expected);
    expect(
      kvrwset.KVRWSet.deserializeBinary(bytes)
        .getWritesList()
        .map((w) => w.getKey()),
    ).toEqual(expected);
  });

  it('answers no keys for an empty write set', () => {
    expect(writtenKeys(new Uint8Array())).toEqual([]);
  });

  it('skips fixed-width fields', () => {
    // field 9 fixed64, field 10 fixed32, then writes = 3 { key = 1 "k" }
    const bytes = Uint8Array.of(0x49, 1, 2, 3, 4, 5, 6, 7, 8, 0x55, 1, 2, 3, 4, 0x1a, 3, 0x0a, 1, 0x6b);
    expect(writtenKeys(bytes)).toEqual(['k']);
  });

  it.each([
    ['a truncated varint', Uint8Array.of(0x1a, 0x80)],
    ['a write running past the set', Uint8Array.of(0x1a, 5, 0x0a, 1)],
    ['a key running past its write', Uint8Array.of(0x1a, 3, 0x0a, 9, 0x6b)],
    ['a truncated fixed64', Uint8Array.of(0x49, 1, 2)],
    ['a group (wire type 3)', Uint8Array.of(0x1b)],
    ['a varint of more than ten bytes', Uint8Array.of(...Array<number>(11).fill(0xff), 1)],
  ])('refuses %s', (_case, bytes) => {
    expect(() => writtenKeys(bytes)).toThrow(BlockDecodeError);
  });
});
