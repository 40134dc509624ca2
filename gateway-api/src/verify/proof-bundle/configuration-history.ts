import { lastConfigBlockNumber } from './last-config';

/** Reads one block of the channel by number (qscc GetBlockByNumber). */
export type BlockReader = (blockNumber: bigint) => Promise<Uint8Array>;

/**
 * Fetches the chain of configuration blocks a proof bundle carries: block 0, then every later
 * configuration block up to a given one. Fabric links them only backwards through ordinary blocks:
 * the block just before configuration block n names the configuration in force before n. So the chain
 * is walked back two reads per configuration, and remembered: configuration blocks never change, and
 * every bundle of the same period needs the same chain.
 */
export class ConfigurationHistory {
  readonly #chains = new Map<number, Promise<readonly Uint8Array[]>>();

  constructor(private readonly blockAt: BlockReader) {}

  /** Block 0 … configuration block `lastConfig`, serialised, in ledger order. */
  chainUpTo(lastConfig: number): Promise<readonly Uint8Array[]> {
    const known = this.#chains.get(lastConfig);
    if (known !== undefined) return known;
    const chain = this.#fetch(lastConfig);
    this.#chains.set(lastConfig, chain);
    // a failed read (peer unavailable) must not be remembered
    chain.catch(() => this.#chains.delete(lastConfig));
    return chain;
  }

  async #fetch(lastConfig: number): Promise<readonly Uint8Array[]> {
    const configBlock = await this.blockAt(BigInt(lastConfig));
    if (lastConfig === 0) return [configBlock];
    const previous = lastConfigBlockNumber(await this.blockAt(BigInt(lastConfig - 1)));
    return [...(await this.chainUpTo(previous)), configBlock];
  }
}
