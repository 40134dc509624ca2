import { networkPath } from '../lib/paths';
import { Supervisor } from '../process/supervisor';

/** The one supervisor of the local network: pid files and logs under the runtime folder. */
export const networkSupervisor = (): Supervisor => new Supervisor(networkPath('pids'), networkPath('logs'));
