import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Every transaction whose business event has been projected. A Fabric transaction carries at most one
 * chaincode event, so the id alone recognises a redelivery (Projector contract): checked first, and the
 * primary key refuses a second row anyway.
 */
@Entity({ name: 'business_projected_transactions' })
export class BusinessProjectedTransaction {
  @PrimaryColumn({ name: 'tx_id', type: 'varchar', length: 128 })
  txId!: string;

  @Column({ name: 'event_name', type: 'varchar', length: 64 })
  eventName!: string;
}
