import { RealEstateRegisteredProjector } from './real-estate-registered.projector';

export { RealEstateRegisteredProjector };

/** For `IndexModule.register({ projectors: [...REAL_ESTATE_PROJECTORS] })`. */
export const REAL_ESTATE_PROJECTORS = [RealEstateRegisteredProjector];
