// What the application wires: the module, the projector for IndexModule, entities and the migration.
export { RealEstateModule } from './real-estate.module';
export {
  DeedTaxClearanceRecordedProjector,
  REAL_ESTATE_PROJECTORS,
  RealEstateRegisteredProjector,
} from './projection';
export { REAL_ESTATE_ENTITIES } from './entities';
export { CreateRealEstateIndex1795478401000 } from './entities/1795478401000-create-real-estate-index';
export { RealEstateTaxQueries1795478406500 } from './entities/1795478406500-real-estate-tax-queries';
