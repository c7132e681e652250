/**
 * `npm run outbox -- list|retry ID`: the dead letters (see src/server/mail/cli.ts), through Vite
 * like every command on the server's code (server-module.ts). The settings are checked first.
 */
import { runServerCommand } from './server-module.ts';
import { settingsOrExit } from './settings.ts';

settingsOrExit();
await runServerCommand<typeof import('../server/mail/cli.ts')>('/src/server/mail/cli.ts', (module, argv, io) => module.runOutboxCommand(argv, io));
