import { WasteAnomalyRow } from './waste-anomaly.entity';
import { WasteBagRow } from './waste-bag.entity';
import { WasteBagMovementRow } from './waste-bag-movement.entity';
import { WasteBinRow } from './waste-bin.entity';
import { WasteLoadRow } from './waste-load.entity';
import { WasteScanRow } from './waste-scan.entity';
import { WasteSiteRow } from './waste-site.entity';
import { WasteVehicleRow } from './waste-vehicle.entity';

export {
  WasteAnomalyRow,
  WasteBagMovementRow,
  WasteBagRow,
  WasteBinRow,
  WasteLoadRow,
  WasteScanRow,
  WasteSiteRow,
  WasteVehicleRow,
};

/** The waste index's entities, to append to ENTITIES in index-db/database/data-source-options.ts. */
export const WASTE_ENTITIES = [
  WasteSiteRow,
  WasteScanRow,
  WasteAnomalyRow,
  WasteBagRow,
  WasteBagMovementRow,
  WasteVehicleRow,
  WasteBinRow,
  WasteLoadRow,
];
