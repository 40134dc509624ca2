import { WasteAnomalyRow } from './waste-anomaly.entity';
import { WasteBagRow } from './waste-bag.entity';
import { WasteBagMovementRow } from './waste-bag-movement.entity';
import { WasteScanRow } from './waste-scan.entity';
import { WasteSiteRow } from './waste-site.entity';

export { WasteAnomalyRow, WasteBagMovementRow, WasteBagRow, WasteScanRow, WasteSiteRow };

/** The waste index's entities, to append to ENTITIES in index-db/database/data-source-options.ts. */
export const WASTE_ENTITIES = [WasteSiteRow, WasteScanRow, WasteAnomalyRow, WasteBagRow, WasteBagMovementRow];
