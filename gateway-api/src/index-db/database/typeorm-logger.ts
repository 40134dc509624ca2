import { Logger } from '@nestjs/common';
import { type Logger as TypeOrmLogger } from 'typeorm';

/**
 * Routes TypeORM's messages into the gateway's JSON log. SQL parameters are never logged: they carry
 * request data, and for some tables personal data.
 */
export class NestTypeOrmLogger implements TypeOrmLogger {
  private readonly logger = new Logger('Database');

  logQuery(): void {
    // every statement would drown the log; failed and slow ones are reported below
  }

  logQueryError(error: string | Error, query: string): void {
    // debug only: the caller receives the error and decides whether it matters (the index listener
    // retries, the idempotency store reports it), so logging it here too would double every line
    this.logger.debug(
      `Query failed (${firstWords(query)}): ${error instanceof Error ? error.message : error}`,
    );
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn(`Slow query (${time} ms): ${firstWords(query)}`);
  }

  logSchemaBuild(message: string): void {
    this.logger.debug(message);
  }

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    const text = typeof message === 'string' ? message : JSON.stringify(message);
    // 'info' is mostly the migration runner at start-up ("No migrations are pending"): worth a line
    if (level === 'warn') this.logger.warn(text);
    else this.logger.log(text);
  }
}

function firstWords(query: string): string {
  const oneLine = query.replace(/\s+/g, ' ').trim();
  return oneLine.length > 80 ? `${oneLine.slice(0, 80)}…` : oneLine;
}
