import {
  WasteBagsCommissionedProjector,
  WasteCollectionProjector,
  WasteDeliveryProjector,
} from './waste-movements.projector';
import { WasteScansProjector } from './waste-scans.projector';
import { WasteSiteProjector } from './waste-site.projector';

export {
  WasteBagsCommissionedProjector,
  WasteCollectionProjector,
  WasteDeliveryProjector,
  WasteScansProjector,
  WasteSiteProjector,
};

/** For `IndexModule.register({ projectors: [...WASTE_PROJECTORS] })`. */
export const WASTE_PROJECTORS = [
  WasteSiteProjector,
  WasteBagsCommissionedProjector,
  WasteScansProjector,
  WasteCollectionProjector,
  WasteDeliveryProjector,
];
