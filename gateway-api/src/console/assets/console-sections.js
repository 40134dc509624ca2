// Every section of the console, in the order the navigation shows them. A section module lists the
// roles it serves; the server still checks each request.

import { marketSection } from './console-market.js';
import { registrySection } from './console-registry.js';
import { taxSection } from './console-tax.js';
import { inspectorSection } from './console-waste-inspector.js';
import { stationSection } from './console-waste-station.js';
import { facilitySection, haulerSection } from './console-waste-transport.js';

export const sections = [
  registrySection,
  taxSection,
  marketSection,
  inspectorSection,
  stationSection,
  haulerSection,
  facilitySection,
];
