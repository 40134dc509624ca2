import { type BlockEvent, type LedgerBlock, type LedgerCheckpoint } from '../../ledger/ledger-events.port';
import { lagInBlocks, planBlock } from './checkpoints';

const event = (blockNumber: bigint, transactionId: string): BlockEvent => ({
  blockNumber,
  transactionId,
  chaincodeName: 'govtrace',
  eventName: 'SmokeValueWritten',
  payload: new Uint8Array(),
  origin: { creatorMspId: 'RegistryMSP', endorserMspIds: ['RegistryMSP'], writes: new Map() },
});

const block = (blockNumber: bigint, ...transactionIds: string[]): LedgerBlock => ({
  blockNumber,
  events: transactionIds.map((id) => event(blockNumber, id)),
});

const txIdsOf = (plan: ReturnType<typeof planBlock>): string[] =>
  plan.kind === 'project' ? plan.events.map((e) => e.transactionId) : [];

describe('planBlock', () => {
  it.each<[string, LedgerCheckpoint | undefined, LedgerBlock, string, string[], number]>([
    ['the first block without a checkpoint', undefined, block(0n, 'a'), 'project', ['a'], 0],
    [
      'the next block after a block checkpoint',
      { blockNumber: 10n },
      block(10n, 'a', 'b'),
      'project',
      ['a', 'b'],
      0,
    ],
    ['an empty next block', { blockNumber: 10n }, block(10n), 'project', [], 0],
    ['a block before a block checkpoint', { blockNumber: 10n }, block(9n, 'a'), 'already-projected', [], 0],
    // a transaction checkpoint (b, t), written by gateways that followed chaincode events
    [
      'its block: the events after t',
      { blockNumber: 10n, transactionId: 'b' },
      block(10n, 'a', 'b', 'c'),
      'project',
      ['c'],
      2,
    ],
    [
      'its block ending with t',
      { blockNumber: 10n, transactionId: 'c' },
      block(10n, 'a', 'b', 'c'),
      'project',
      [],
      3,
    ],
    [
      'its block without t: all, for the projectors to recognise',
      { blockNumber: 10n, transactionId: 'x' },
      block(10n, 'a', 'b'),
      'project',
      ['a', 'b'],
      0,
    ],
    [
      'an earlier block',
      { blockNumber: 10n, transactionId: 'b' },
      block(9n, 'z'),
      'already-projected',
      [],
      0,
    ],
  ])('%s', (_case, checkpoint, delivered, kind, txIds, skipped) => {
    const plan = planBlock(checkpoint, delivered);
    expect(plan.kind).toBe(kind);
    expect(txIdsOf(plan)).toEqual(txIds);
    if (plan.kind === 'project') expect(plan.skipped).toBe(skipped);
  });

  it.each<[string, LedgerCheckpoint | undefined, bigint, bigint]>([
    ['a later block without a checkpoint', undefined, 1n, 0n],
    ['a block after the next one', { blockNumber: 10n }, 11n, 10n],
    // block 10 is not known to be complete until it has been delivered again
    ['the block after a transaction checkpoint', { blockNumber: 10n, transactionId: 'b' }, 11n, 10n],
  ])('refuses %s as a gap', (_case, checkpoint, delivered, expected) => {
    expect(planBlock(checkpoint, block(delivered, 'a'))).toEqual({ kind: 'gap', expected });
  });
});

describe('lagInBlocks', () => {
  it.each<[string, bigint, LedgerCheckpoint | undefined, number]>([
    ['an empty ledger', 0n, undefined, 0],
    ['nothing projected yet', 5n, undefined, 5],
    ['every block projected, whatever the newest held', 5n, { blockNumber: 5n }, 0],
    ['the newest two blocks to go', 5n, { blockNumber: 3n }, 2],
    // a transaction checkpoint counts its own block as projected, as before
    ['a transaction checkpoint in the newest block', 5n, { blockNumber: 4n, transactionId: 'tx' }, 0],
    ['two blocks after a transaction checkpoint', 5n, { blockNumber: 2n, transactionId: 'tx' }, 2],
    // a peer behind the database (another peer answered last time) is not negative lag
    ['a peer behind the database', 3n, { blockNumber: 9n }, 0],
  ])('%s (height %s)', (_case, height, checkpoint, lag) => {
    expect(lagInBlocks(height, checkpoint)).toBe(lag);
  });
});
