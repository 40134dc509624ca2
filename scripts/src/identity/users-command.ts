import * as path from 'node:path';
import { DeviceRoles } from '../../../chaincode/src/contract';
import { flagValue } from '../lib/command-args';
import { OperatorError } from '../lib/errors';
import { log } from '../lib/log';
import { tableLines } from '../lib/table';
import { loadTopology } from '../network/topology';
import { defaultIdentityFiles, readApiTokens, readConnectionProfile, readStore } from './identity-files';
import { holderLookupKeyFile } from './holder-lookup-key';
import { planHostExport, writeHostExport } from './host-export';
import {
  addIdentity,
  identityStatus,
  identityStatusHeader,
  revokeIdentity,
  shownPath,
} from './identity-operations';
import { assertRoleForOrg, assertUserName, parseRole, type Role, roleMsp } from './roles';

const usage = [
  'usage: npm run users -- add <user> --role <role> [--org <MSP>]',
  '       npm run users -- revoke <user>',
  '       npm run users -- list',
  '       npm run users -- export --departments <MSP>[,<MSP>…] --out <folder>',
].join('\n');

const flag = (args: readonly string[], name: string): string | undefined => flagValue(args, name, usage);

/**
 * A device role is refused here: without the vehicle or site its certificate names, the chaincode
 * refuses every report it signs, so such an identity would be useless.
 */
function assertPersonRole(role: Role): void {
  if ((DeviceRoles as readonly string[]).includes(role)) {
    throw new OperatorError(
      `${role} is a device role: a device is enrolled with the vehicle or site it is fitted to`,
      'Use `npm run devices -- add <name> --vehicle <plate>` (vehicle_device) or `npm run devices -- add <name> --site <siteId>` (site_device).',
    );
  }
}

/** `users add`: registers and enrolls a further user at its org's CA, with a new token. */
async function addUser(args: readonly string[]): Promise<number> {
  const user = assertUserName(args[0]);
  const roleName = flag(args, '--role');
  if (roleName === undefined) throw new OperatorError('users add needs --role <role>', usage);
  const role = parseRole(roleName);
  assertPersonRole(role);
  const mspId = flag(args, '--org') ?? roleMsp[role];
  assertRoleForOrg(role, mspId);
  const { entry } = await addIdentity({ user, mspId, role });
  log.step(`added ${user} (${mspId}, ${role}): certificate ${shownPath(entry.certificatePath)}`);
  log.detail(
    `its API token is in ${shownPath(defaultIdentityFiles.apiTokens)}; the gateway accepts it as soon as it re-reads ${shownPath(defaultIdentityFiles.store)}`,
  );
  return 0;
}

/** `users revoke`: identity-operations.ts's revokeIdentity, for anyone in the store. */
async function revokeUser(args: readonly string[]): Promise<number> {
  const user = assertUserName(args[0]);
  await revokeIdentity(user, 'List the users with `npm run users -- list`.');
  return 0;
}

/** `users list`: who exists, with org, role and state, from the local files only. */
async function listUsers(): Promise<number> {
  const files = defaultIdentityFiles;
  const store = await readStore(files);
  const tokens = await readApiTokens(files);
  if (store.users.length === 0) {
    console.log('no users yet: `npm run network -- up` enrolls the demo users');
    return 0;
  }
  const rows = store.users.map((u) => [u.user, u.mspId, u.role, ...identityStatus(u, tokens)]);
  const header = ['user', 'org', 'role', ...identityStatusHeader];
  for (const line of tableLines(header, rows)) console.log(line);
  return 0;
}

/**
 * `users export`: the files one department's gateway host needs and nothing more (host-export.ts),
 * for the deployment where each department runs its own gateway.
 */
async function exportForHost(args: readonly string[]): Promise<number> {
  const list = flag(args, '--departments');
  const out = flag(args, '--out');
  if (list === undefined || out === undefined) {
    throw new OperatorError('users export needs --departments and --out', usage);
  }
  const departments = [
    ...new Set(
      list
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    ),
  ];
  const topology = await loadTopology();
  const files = defaultIdentityFiles;
  const plan = planHostExport(
    {
      store: await readStore(files),
      connection: await readConnectionProfile(files),
      holderLookupKey: holderLookupKeyFile(files),
    },
    departments,
    topology.peerOrgs.map((org) => org.mspId),
  );
  const folder = path.resolve(out);
  await writeHostExport(plan, folder);
  log.step(
    `exported ${plan.store.users.length} user(s) of ${departments.join(', ')} to ${folder} ` +
      `(${plan.copies.length} files besides identities.json and gateway.env)`,
  );
  log.detail(
    `on the host: GOVTRACE_HOME=<that folder> and the settings in ${path.join(folder, 'gateway.env')}`,
  );
  return 0;
}

export function usersCommand(args: readonly string[]): Promise<number> {
  switch (args[0]) {
    case 'add':
      return addUser(args.slice(1));
    case 'revoke':
      return revokeUser(args.slice(1));
    case 'list':
      return listUsers();
    case 'export':
      return exportForHost(args.slice(1));
    default:
      console.error(usage);
      return Promise.resolve(2);
  }
}
