import * as path from 'node:path';
import { paths } from './paths';

/**
 * Node's V8 heap limit for the gateway, in MB. Its live heap after projecting a channel of some
 * hundred thousand scans is about 45 MB (heap snapshot), yet with V8's default limit the process
 * stayed above 300 MB resident: collections came rarely, so the native memory behind freed block
 * buffers was held. With this limit V8 collects sooner and the gateway stayed near 240 MB under
 * `npm run bench`'s scan load, with the same catch-up time. Raise it for a much larger live heap.
 */
export const GATEWAY_HEAP_LIMIT_MB = 192;

/** The node arguments that run the built gateway (`npm start`, the tests' and the bench's gateways). */
export function gatewayNodeArguments(): string[] {
  return [
    `--max-old-space-size=${GATEWAY_HEAP_LIMIT_MB}`,
    path.join(paths.repoRoot, 'gateway-api', 'dist', 'gateway-api', 'src', 'main.js'),
  ];
}
