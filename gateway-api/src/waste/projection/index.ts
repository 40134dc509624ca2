import {
  WasteBagsCommissionedProjector,
  WasteCollectionProjector,
  WasteDeliveryProjector,
} from './waste-movements.projector';
import {
  WasteBinRegisteredProjector,
  WasteBinRetiredProjector,
  WasteLoadWeightCorrectedProjector,
  WasteVehicleRegisteredProjector,
  WasteVehicleRetiredProjector,
} from './waste-fleet.projector';
import { WasteScansProjector } from './waste-scans.projector';
import { WasteSiteProjector } from './waste-site.projector';

export {
  WasteBagsCommissionedProjector,
  WasteCollectionProjector,
  WasteDeliveryProjector,
  WasteBinRegisteredProjector,
  WasteBinRetiredProjector,
  WasteLoadWeightCorrectedProjector,
  WasteScansProjector,
  WasteSiteProjector,
  WasteVehicleRegisteredProjector,
  WasteVehicleRetiredProjector,
};

/** For `IndexModule.register({ projectors: [...WASTE_PROJECTORS] })`. */
export const WASTE_PROJECTORS = [
  WasteSiteProjector,
  WasteBagsCommissionedProjector,
  WasteScansProjector,
  WasteCollectionProjector,
  WasteDeliveryProjector,
  WasteVehicleRegisteredProjector,
  WasteVehicleRetiredProjector,
  WasteBinRegisteredProjector,
  WasteBinRetiredProjector,
  WasteLoadWeightCorrectedProjector,
];
