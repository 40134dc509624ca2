import { certificateKey, registrationKey, unitKey } from '../../../../chaincode/src/contract';
import { chaincodeKeyContext as ctx } from '../../index-db/trust/testing/chaincode-key-context';
import { type RegisteredEvent } from './registered-event';
import { registeredKeys } from './registered-keys';

const UNIT = '440184001016GB00009F00800039';
const T1 = '粤(2026)广州市不动产权第09400110号';
const T2 = '粤(2026)广州市不动产权第09400111号';

function registered(
  sequence: number,
  certificate: string | null,
  changes: RegisteredEvent['registration']['certificateChanges'],
): RegisteredEvent {
  return {
    registration: {
      registrationId: `${UNIT}-0000000${sequence}`,
      unitNumber: UNIT,
      sequence,
      type: 'TRANSFER',
      registeredAt: '2026-03-02T08:00:00.000Z',
      clerk: { mspId: 'RegistryMSP', id: 'x509::/CN=clerk::/CN=ca' },
      certificateNumber: certificate,
      certificateChanges: changes,
      unitStatus: 'REGISTERED',
    },
    certificate:
      certificate === null
        ? null
        : {
            content: { certificateNumber: certificate, kind: 'TITLE', issuedAt: '2026-03-02T08:00:00.000Z' },
            contentHash: 'a'.repeat(64),
            status: 'ACTIVE',
          },
    unit: {
      unitNumber: UNIT,
      status: 'REGISTERED',
      sequence,
      titleCertificate: certificate,
      holders: [],
      updatedAt: '2026-03-02T08:00:00.000Z',
      lastRegistrationId: `${UNIT}-0000000${sequence}`,
    },
  };
}

describe('registeredKeys', () => {
  it('names the act, the unit, the issued certificate and each changed one, as keys.ts keys them', () => {
    const keys = registeredKeys(registered(12, T2, [{ certificateNumber: T1, status: 'SUPERSEDED' }]));
    expect(keys).toEqual([
      registrationKey(ctx, UNIT, 12),
      unitKey(ctx, UNIT),
      certificateKey(ctx, T2),
      certificateKey(ctx, T1),
    ]);
  });

  it('names no certificate for an act that issues none and changes none (a seizure)', () => {
    expect(registeredKeys(registered(3, null, []))).toEqual([
      registrationKey(ctx, UNIT, 3),
      unitKey(ctx, UNIT),
    ]);
  });
});
