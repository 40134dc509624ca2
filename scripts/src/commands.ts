import { ensureAllBinaries } from './fabric/build-binaries';

export type CommandHandler = (args: readonly string[]) => Promise<number>;

export const commands: Record<string, CommandHandler> = {
  async fabric(args) {
    if (args[0] !== 'build') return 2;
    await ensureAllBinaries();
    return 0;
  },
};
