import { type NestExpressApplication } from '@nestjs/platform-express';
import { type NextFunction, type Request, type Response } from 'express';

import { PayloadTooLargeError, ValidationFailedError } from './errors';
import { containsNulCharacter } from '../../../chaincode/src/contract';
import { exceedsJsonDepth, MAX_JSON_DEPTH } from './json-depth';

/** Large enough for a batch of 1000 waste scans, small enough to refuse junk early. */
export const JSON_BODY_LIMIT = '1mb';

/**
 * Parses JSON bodies (the API speaks nothing else) and turns body-parser's failures into API errors
 * here, where their `type` still says what went wrong; Nest would otherwise turn a malformed body
 * into a bare BadRequestException and an oversized one into a 500.
 */
export function useJsonBody(app: NestExpressApplication, limit: string = JSON_BODY_LIMIT): void {
  app.useBodyParser('json', { limit });
  app.use((req: Request, _res: Response, next: NextFunction) => {
    if (exceedsJsonDepth(req.body)) {
      return next(
        new ValidationFailedError(`JSON body nested deeper than ${MAX_JSON_DEPTH} levels`, {
          details: [{ field: 'body', constraint: 'maxDepth', message: `at most ${MAX_JSON_DEPTH} levels` }],
        }),
      );
    }
    if (containsNulCharacter(req.body)) {
      return next(
        new ValidationFailedError('JSON body contains a NUL character', {
          details: [{ field: 'body', constraint: 'noNul', message: 'no field may contain U+0000' }],
        }),
      );
    }
    next();
  });
  app.use((err: unknown, _req: Request, _res: Response, next: NextFunction) => next(translate(err, limit)));
}

function translate(err: unknown, limit: string): unknown {
  const type = err instanceof Error ? (err as Error & { type?: unknown }).type : undefined;
  switch (type) {
    case 'entity.parse.failed':
      return new ValidationFailedError('Malformed JSON body', {
        details: [{ field: 'body', constraint: 'json', message: (err as Error).message }],
        cause: err,
      });
    case 'entity.too.large':
      return new PayloadTooLargeError(`Request body exceeds the ${limit} limit`, { cause: err });
    default:
      return err;
  }
}
