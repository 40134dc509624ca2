/** A block the peer delivered does not have the structure every committed block has. */
export class BlockDecodeError extends Error {
  override readonly name = 'BlockDecodeError';
}
