/**
 * `npm run db:backup -- [FILE]` and `npm run db:restore -- FILE [--force]` (see
 * src/server/ops/backup-cli.ts), through Vite like every command on the server's code
 * (server-module.ts). The settings are checked first.
 */
import { runServerCommand } from './server-module.ts';
import { settingsOrExit } from './settings.ts';

settingsOrExit();
await runServerCommand<typeof import('../server/ops/backup-cli.ts')>('/src/server/ops/backup-cli.ts', (module, argv, io) => module.runDatabaseCommand(argv, io));
