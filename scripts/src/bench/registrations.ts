import { apiTokens, call } from '../../../test/support/gateway-process';
import { randomInt } from 'node:crypto';

import { digits, residentId } from '../../../test/support/identifiers';
import { log } from '../lib/log';
import { bounded, type Measurement } from './measurement';

// The bench registers thousands of units per run on a long-lived ledger: drawn from the test
// identifiers' 10^8 serials they began to collide (409 CONFLICT) after a few runs. The parcel number
// and the certificate's year widen the space to 10^13 and 85 × 10^8.
const benchUnitNumber = (): string => `440184001016GB${digits(5)}F${digits(8)}`;
const benchTitleNumber = (): string => `粤(${randomInt(2015, 2100)})广州市不动产权第${digits(8)}号`;

export function registrationsName(concurrency: number, label = ''): string {
  return `HTTP real-estate FIRST registrations (${concurrency} ${concurrency > 8 ? 'in flight' : 'clients'})${label}`;
}

/**
 * Real-estate FIRST registrations/s through the HTTP API: each one a fresh unit with one holder
 * (transient data to the registry's peer, a certificate issued), `concurrency` clerks at once
 * (8 by default; 64 for the saturation figure). Returns the
 * certificate numbers issued, for the verification measurement.
 */
export async function measureRegistrations(
  baseUrl: string,
  { label = '', concurrency = 8 }: { label?: string; concurrency?: number } = {},
): Promise<{ measurement: Measurement; certificates: string[] }> {
  const token = apiTokens()['registry-clerk'] ?? '';
  const certificates: string[] = [];
  const measurement = await bounded(
    registrationsName(concurrency, label),
    { count: 20 * concurrency, seconds: 60, concurrency },
    async () => {
      const certificateNumber = benchTitleNumber();
      const answer = await call(baseUrl, 'POST', '/api/v1/real-estate/registrations', {
        token,
        body: {
          type: 'FIRST',
          unitNumber: benchUnitNumber(),
          certificateNumber,
          holders: [{ name: '测试权利人', idNumber: residentId(), share: '1/1' }],
        },
      });
      if (answer.status !== 201) {
        // a refused registration is a failure to explain, not only to count
        log.detail(`registration refused: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
        return 0;
      }
      certificates.push(certificateNumber);
      return 1;
    },
  );
  return { measurement, certificates };
}
