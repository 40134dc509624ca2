import { isProjected, lagInBlocks } from './checkpoints';

describe('isProjected', () => {
  const checkpoint = { blockNumber: 10n, transactionId: 'tx-b' };

  it.each([
    ['nothing without a checkpoint', false, undefined, { blockNumber: 0n, transactionId: 'tx-a' }],
    ['an event of an earlier block', true, checkpoint, { blockNumber: 9n, transactionId: 'tx-z' }],
    ['the checkpointed transaction itself', true, checkpoint, { blockNumber: 10n, transactionId: 'tx-b' }],
    ['another transaction of the same block', false, checkpoint, { blockNumber: 10n, transactionId: 'tx-c' }],
    ['an event of a later block', false, checkpoint, { blockNumber: 11n, transactionId: 'tx-b' }],
  ])('%s: projected = %s', (_case, expected, stored, event) => {
    expect(isProjected(stored, event)).toBe(expected);
  });
});

describe('lagInBlocks', () => {
  it.each([
    ['an empty ledger', 0n, undefined, 0],
    ['nothing projected yet', 5n, undefined, 5],
    ['the newest block projected', 5n, { blockNumber: 4n }, 0],
    ['two blocks after the checkpoint', 5n, { blockNumber: 2n, transactionId: 'tx' }, 2],
    // a peer behind the database (another peer answered last time) is not negative lag
    ['a peer behind the database', 3n, { blockNumber: 9n }, 0],
  ])('%s (height %s)', (_case, height, checkpoint, lag) => {
    expect(lagInBlocks(height, checkpoint)).toBe(lag);
  });
});
