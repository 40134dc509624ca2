// What the application wires: the module, the projector for IndexModule, entities and the migration.
export { RealEstateModule } from './real-estate.module';
export { RealEstateRegisteredProjector } from './index/real-estate-registered.projector';
export { REAL_ESTATE_ENTITIES } from './entities';
export { CreateRealEstateIndex1795478401000 } from '../index-db/migrations/1795478401000-create-real-estate-index';
