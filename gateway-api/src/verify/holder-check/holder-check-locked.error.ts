import { HttpStatus } from '@nestjs/common';

import { ApiError } from '../../common/errors';

/**
 * 429: the certificate's holder check failed too often today. Not the per-address rate limit: the
 * lock is per certificate, whatever the address, and lasts until 00:00 UTC (`details.lockedUntil`).
 */
export class HolderCheckLockedError extends ApiError {
  constructor(lockedUntil: Date) {
    super(
      'TOO_MANY_REQUESTS',
      HttpStatus.TOO_MANY_REQUESTS,
      `Too many failed holder checks for this certificate today; try again after ${lockedUntil.toISOString()}`,
      {
        details: [
          {
            field: 'holderIdNumber',
            message: 'holder check locked for this certificate',
            reason: 'HOLDER_CHECK_LOCKED',
            lockedUntil: lockedUntil.toISOString(),
          },
        ],
      },
    );
  }
}
