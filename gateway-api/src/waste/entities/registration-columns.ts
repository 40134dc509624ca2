import { Column } from 'typeorm';

import { bigintTransformer } from '../../index-db/database/bigint.transformer';

/**
 * The columns a registered vehicle or bin shares: its status (ACTIVE, then RETIRED), when it was
 * registered and retired, and the registering transaction. Not an entity; each table inherits them.
 */
export abstract class RegistrationColumns {
  /** ACTIVE or RETIRED. */
  @Column({ name: 'status', type: 'varchar', length: 8 })
  status!: string;

  @Column({ name: 'registered_at', type: 'varchar', length: 24 })
  registeredAt!: string;

  @Column({ name: 'retired_at', type: 'varchar', length: 24, nullable: true })
  retiredAt!: string | null;

  @Column({ name: 'tx_id', type: 'varchar', length: 128 })
  txId!: string;

  @Column({ name: 'block_number', type: 'bigint', transformer: bigintTransformer })
  blockNumber!: bigint;
}
