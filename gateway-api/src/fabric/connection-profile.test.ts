import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { loadConnectionProfile } from './connection-profile';

const peer = {
  mspId: 'RegistryMSP',
  endpoint: '127.0.0.1:7051',
  hostnameOverride: 'peer0.registry.govtrace.local',
  tlsRootCertPath: 'tls/registry-ca.pem',
};

describe('loadConnectionProfile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'govtrace-profile-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads the file', async () => {
    const file = path.join(dir, 'connection.json');
    await writeFile(file, JSON.stringify({ channel: 'c', peers: [peer] }));
    await expect(loadConnectionProfile(file)).resolves.toMatchObject({ channel: 'c' });
  });

  it('says so when the file is missing or not JSON', async () => {
    await expect(loadConnectionProfile(path.join(dir, 'none.json'))).rejects.toThrow('file not found');
    const file = path.join(dir, 'broken.json');
    await writeFile(file, '{');
    await expect(loadConnectionProfile(file)).rejects.toThrow('not valid JSON');
  });
});
