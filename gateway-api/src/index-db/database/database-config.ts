import { type EnvironmentVariables } from '../../config/env.schema';

/** Where the index lives: the embedded SQLite file (default) or a PostgreSQL server (production). */
export type DatabaseConfig =
  { readonly type: 'sqlite'; readonly path: string } | { readonly type: 'postgres'; readonly url: string };

/** Injection token of the DatabaseConfig; tests override it to point at a temporary database. */
export const DATABASE_CONFIG = Symbol('DATABASE_CONFIG');

type DatabaseEnv = Pick<EnvironmentVariables, 'DATABASE_TYPE' | 'DATABASE_PATH' | 'DATABASE_URL'>;

/** The validated environment (validateEnv) as a DatabaseConfig; validation already required the URL. */
export function databaseConfigFromEnv(env: DatabaseEnv): DatabaseConfig {
  if (env.DATABASE_TYPE === 'postgres') {
    if (env.DATABASE_URL === undefined)
      throw new Error('DATABASE_URL is required when DATABASE_TYPE is postgres');
    return { type: 'postgres', url: env.DATABASE_URL };
  }
  return { type: 'sqlite', path: env.DATABASE_PATH };
}

/** For logs and errors: where the database is, without the credentials a URL may carry. */
export function describeDatabase(config: DatabaseConfig): string {
  if (config.type === 'sqlite') return `SQLite ${config.path}`;
  try {
    const url = new URL(config.url);
    return `PostgreSQL ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
  } catch {
    return 'PostgreSQL (unparsable URL)';
  }
}
