export { WASTE_ENTITIES } from './entities';
export { WASTE_PROJECTORS } from './projection';
export { WasteModule } from './waste.module';
export { CreateWasteIndex1795478403000 } from './entities/1795478403000-create-waste-index';
