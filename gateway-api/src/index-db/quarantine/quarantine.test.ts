import { type LedgerEvent } from '../../ledger/ledger-events.port';
import { MAX_QUARANTINED_PAYLOAD_BYTES, MAX_REASON_CHARS, quarantineRow } from './quarantine';
import { QuarantineReasons } from './quarantine-reasons';

const event = (payload: Uint8Array): LedgerEvent => ({
  blockNumber: 42n,
  transactionId: 'f'.repeat(64),
  chaincodeName: 'govtrace',
  eventName: 'WasteScansRecorded',
  payload,
});

const NOW = new Date('2026-03-01T08:00:00.000Z');

describe('quarantineRow', () => {
  it('names the event, its block and chaincode, the reason, and keeps the payload as base64', () => {
    const payload = new Uint8Array([0x7b, 0x00, 0xff, 0x7d]); // not even UTF-8
    expect(quarantineRow(event(payload), QuarantineReasons.KeyNotWritten, 'why', NOW)).toEqual({
      transactionId: 'f'.repeat(64),
      eventName: 'WasteScansRecorded',
      blockNumber: 42n,
      chaincode: 'govtrace',
      reasonCode: 'KEY_NOT_WRITTEN',
      reason: 'why',
      payloadBase64: 'ewD/fQ==',
      payloadSize: 4,
      quarantinedAt: '2026-03-01T08:00:00.000Z',
    });
  });

  it('keeps the first bytes of a large payload and its whole size', () => {
    const payload = new Uint8Array(MAX_QUARANTINED_PAYLOAD_BYTES + 10).fill(0x61);
    // a view into a larger buffer, as protobuf decoding hands payloads over
    const view = new Uint8Array(payload.buffer, 5, MAX_QUARANTINED_PAYLOAD_BYTES + 5);
    const row = quarantineRow(event(view), QuarantineReasons.MalformedPayload, 'big', NOW);
    expect(Buffer.from(row.payloadBase64, 'base64')).toHaveLength(MAX_QUARANTINED_PAYLOAD_BYTES);
    expect(row.payloadSize).toBe(MAX_QUARANTINED_PAYLOAD_BYTES + 5);
  });

  it('cuts a long reason and replaces NUL, which PostgreSQL text cannot hold', () => {
    const row = quarantineRow(
      event(new Uint8Array()),
      QuarantineReasons.MalformedPayload,
      `a\u0000b${'字'.repeat(MAX_REASON_CHARS)}`,
      NOW,
    );
    expect(row.reason.startsWith('a\uFFFDb字')).toBe(true);
    expect([...row.reason]).toHaveLength(MAX_REASON_CHARS);
    expect(row.reason.endsWith('…')).toBe(true);
  });
});
