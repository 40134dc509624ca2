import { RealEstateAct } from './real-estate-act.entity';
import { RealEstateCertificate } from './real-estate-certificate.entity';
import { RealEstateUnit } from './real-estate-unit.entity';
import { TaxClearance } from './tax-clearance.entity';

export { RealEstateAct, RealEstateCertificate, RealEstateUnit, TaxClearance };
export type { IndexedHolder } from './real-estate-unit.entity';

/** The real-estate index tables; to be appended to ENTITIES in data-source-options.ts. */
export const REAL_ESTATE_ENTITIES = [RealEstateUnit, RealEstateCertificate, RealEstateAct, TaxClearance];
