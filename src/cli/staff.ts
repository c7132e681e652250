/**
 * `npm run staff -- add|list|disable …` (see src/server/staff/cli.ts), through Vite like every
 * command on the server's code (server-module.ts). The settings are checked first.
 */
import { runServerCommand } from './server-module.ts';
import { settingsOrExit } from './settings.ts';

settingsOrExit();
await runServerCommand<typeof import('../server/staff/cli.ts')>('/src/server/staff/cli.ts', (module, argv, io) => module.runStaffCommand(argv, io));
