import { WasteScansProjector } from './waste-scans.projector';
import { WasteSiteProjector } from './waste-site.projector';

export { WasteScansProjector, WasteSiteProjector };

/** For `IndexModule.register({ projectors: [...WASTE_PROJECTORS] })`. */
export const WASTE_PROJECTORS = [WasteSiteProjector, WasteScansProjector];
