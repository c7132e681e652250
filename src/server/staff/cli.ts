import { parseArgs } from 'node:util';
import type { Issue } from '~/domain/issues';
import { roleLabels } from '~/domain/staff/roles';
import { config } from '../config';
import { configuredOptions, openDatabase, type Database } from '../db/client';
import { addAccount, disableStaff, listStaff } from './accounts';

/**
 * `npm run staff -- <command>` (src/cli/staff.ts loads this): add, list and disable staff accounts
 * on the database the settings name (DATABASE_URL, or PGlite in DATA_DIR: stop the server first, one
 * process at a time may open that). Returns the exit code.
 */

export interface Io {
  out(line: string): void;
  err(line: string): void;
  readStdin(): Promise<string>;
}

const usage = `Usage:
  npm run staff -- add --email EMAIL --name NAME --role sales|manager|admin [--password-stdin]
  npm run staff -- list
  npm run staff -- disable --email EMAIL`;

const flagOf: Record<string, string> = { email: '--email', name: '--name', role: '--role', password: 'the password (stdin)' };

function explain(io: Io, issues: Issue[]): number {
  for (const issue of issues) io.err(`Error: ${flagOf[String(issue.path[0])] ?? String(issue.path[0])}: ${issue.message}`);
  return 1;
}

async function add(db: Database, values: Record<string, string | boolean | undefined>, io: Io): Promise<number> {
  const password = values['password-stdin'] ? (await io.readStdin()).replace(/\r?\n$/, '') : undefined;
  const site = config().SITE_URL ?? 'http://localhost:4321';
  const outcome = await addAccount(db, { email: values.email, name: values.name, role: values.role }, { site, password });
  if (!outcome.ok) return explain(io, outcome.issues);
  const { account, link } = outcome.value;
  io.out(`Added ${account.name} <${account.email}> as ${roleLabels[account.role].label}.`);
  if (link) io.out(`They choose their password with this one-time link (valid until ${link.expiresAt.toISOString()}):\n${link.url}`);
  else io.out('Their password is set; they can sign in at /staff/login.');
  return 0;
}

async function list(db: Database, io: Io): Promise<number> {
  const staff = await listStaff(db);
  if (staff.length === 0) io.out('No staff accounts yet. Add one with: npm run staff -- add --email EMAIL --name NAME --role admin');
  for (const person of staff) {
    const status = person.disabledAt ? 'disabled' : person.passwordHash ? 'active' : 'invited';
    io.out(`${person.email}\t${person.name}\t${person.role}\t${status}`);
  }
  return 0;
}

async function disable(db: Database, values: Record<string, string | boolean | undefined>, io: Io): Promise<number> {
  const outcome = await disableStaff(db, values.email);
  if (!outcome.ok) return explain(io, outcome.issues);
  io.out(`Disabled ${outcome.value.email}; its sessions have ended.`);
  return 0;
}

export async function runStaffCommand(argv: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, 'password-stdin': { type: 'boolean' } },
    });
  } catch (error) {
    io.err(`Error: ${(error as Error).message}\n${usage}`);
    return 2;
  }
  const [command, ...extra] = parsed.positionals;
  if (!command || extra.length > 0 || !['add', 'list', 'disable'].includes(command)) {
    io.err(command ? `Error: unknown command "${[command, ...extra].join(' ')}"\n${usage}` : usage);
    return 2;
  }
  const handle = await openDatabase(configuredOptions(false));
  try {
    if (command === 'add') return await add(handle.db, parsed.values, io);
    if (command === 'list') return await list(handle.db, io);
    return await disable(handle.db, parsed.values, io);
  } finally {
    await handle.close();
  }
}
