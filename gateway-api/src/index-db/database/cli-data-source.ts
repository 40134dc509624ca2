import { validateEnv } from '../../config/validate-env';
import { createDataSource } from './data-source-options';
import { databaseConfigFromEnv } from './database-config';

/**
 * The gateway's database for TypeORM's CLI, configured by the same environment as the gateway:
 *
 *   npm run build -w gateway-api
 *   npx typeorm migration:show -d gateway-api/dist/index-db/database/cli-data-source.js
 *   npx typeorm migration:generate -d gateway-api/dist/index-db/database/cli-data-source.js \
 *     gateway-api/src/index-db/migrations/<name>
 *
 * Only the CLI imports this file (reading the environment is its side effect).
 */
export default createDataSource(databaseConfigFromEnv(validateEnv(process.env)), { migrationsRun: false });
