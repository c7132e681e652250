import { configuredOptions, openDatabase, type Database } from '../db/client';
import type { Io } from '../staff/cli';
import { listDeadLetters, retryDeadLetter } from './dead-letters';

/**
 * `npm run outbox -- list|retry ID` (src/cli/outbox.ts loads this): the dead letters on the database
 * the settings name (with PGlite, stop the server first: one process at a time may open DATA_DIR).
 * Prints ids, kinds, tries and the mail server's answer, never a recipient or what a message says.
 */

const usage = `Usage:
  npm run outbox -- list        the dead letters: mail given up on after the settings' outbox.maxAttempts tries
  npm run outbox -- retry ID    send dead letter ID again (the server's outbox picks it up within OUTBOX_INTERVAL_SECONDS)`;

async function list(db: Database, io: Io): Promise<number> {
  const letters = await listDeadLetters(db);
  io.out(letters.length === 1 ? '1 dead letter' : `${letters.length} dead letters`);
  for (const letter of letters) {
    io.out(`${letter.id}\t${letter.kind}\t${letter.attempts} attempts\tgiven up ${letter.deadAt?.toISOString() ?? '(unknown)'}\t${letter.lastError}`);
  }
  return 0;
}

async function retry(db: Database, id: number, io: Io): Promise<number> {
  if (!(await retryDeadLetter(db, id))) {
    io.err(`Error: message ${id} is not a dead letter (see npm run outbox -- list)`);
    return 1;
  }
  io.out(`Message ${id} is queued again; the server's outbox sends it on its next run.`);
  return 0;
}

export async function runOutboxCommand(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  const id = command === 'retry' && rest.length === 1 && /^\d{1,15}$/.test(rest[0]!) ? Number(rest[0]) : undefined;
  if (!((command === 'list' && rest.length === 0) || id !== undefined)) {
    io.err(command ? `Error: ${command === 'retry' ? 'retry needs one message id, a whole number' : `unknown command "${argv.join(' ')}"`}\n${usage}` : usage);
    return 2;
  }
  const handle = await openDatabase(configuredOptions(false));
  try {
    return id === undefined ? await list(handle.db, io) : await retry(handle.db, id, io);
  } finally {
    await handle.close();
  }
}
