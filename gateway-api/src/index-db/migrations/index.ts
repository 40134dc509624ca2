import { CreateIndexCheckpoints1795478400000 } from './1795478400000-create-index-checkpoints';
import { CreateSmokeValues1795478400100 } from '../smoke/1795478400100-create-smoke-values';
import { CreateIdempotencyRecords1795478400200 } from '../../idempotency/1795478400200-create-idempotency-records';
import { CreateRealEstateIndex1795478401000 } from '../../real-estate/entities/1795478401000-create-real-estate-index';
import { CreateBusinessIndex1795478402000 } from '../../business/entities/1795478402000-create-business-index';
import { CreateWasteIndex1795478403000 } from '../../waste/entities/1795478403000-create-waste-index';
import { CreateWasteBagIndex1795478404000 } from '../../waste/entities/1795478404000-create-waste-bag-index';
import { CreateIndexQuarantine1795478405000 } from './1795478405000-create-index-quarantine';
import { CreateHolderCheckFailures1795478406000 } from '../../verify/holder-check/1795478406000-create-holder-check-failures';
import { RealEstateTaxQueries1795478406500 } from '../../real-estate/entities/1795478406500-real-estate-tax-queries';
import { IdempotencyUnknownOutcome1795478407000 } from '../../idempotency/1795478407000-idempotency-unknown-outcome';
import { AddListQueryIndexes1795478408000 } from './1795478408000-add-list-query-indexes';
import { UnitPropertyParticulars1795478409000 } from '../../real-estate/entities/1795478409000-unit-property-particulars';
import { WasteHopsFleet1795478410000 } from '../../waste/entities/1795478410000-waste-hops-fleet';

/**
 * Every migration of the gateway's database, oldest first. Listed as classes rather than found by
 * a glob, so ts-jest, tsx and the built gateway run the same set. Append; never edit a released one.
 * Each migration lives with the tables it makes (a feature's `entities/`, the idempotency store, the
 * holder-check lockout); this list is the one place that orders them.
 */
export const MIGRATIONS = [
  CreateIndexCheckpoints1795478400000,
  CreateSmokeValues1795478400100,
  CreateIdempotencyRecords1795478400200,
  CreateRealEstateIndex1795478401000,
  CreateBusinessIndex1795478402000,
  CreateWasteIndex1795478403000,
  CreateWasteBagIndex1795478404000,
  CreateIndexQuarantine1795478405000,
  CreateHolderCheckFailures1795478406000,
  RealEstateTaxQueries1795478406500,
  IdempotencyUnknownOutcome1795478407000,
  AddListQueryIndexes1795478408000,
  UnitPropertyParticulars1795478409000,
  WasteHopsFleet1795478410000,
];
