import { DeedTaxClearanceRecordedProjector } from './deed-tax-clearance.projector';
import { RealEstateRegisteredProjector } from './real-estate-registered.projector';

export { DeedTaxClearanceRecordedProjector, RealEstateRegisteredProjector };

/** For `IndexModule.register({ projectors: [...REAL_ESTATE_PROJECTORS] })`. */
export const REAL_ESTATE_PROJECTORS = [RealEstateRegisteredProjector, DeedTaxClearanceRecordedProjector];
