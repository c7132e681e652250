import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '~/server/db/client';
import { resumeSession, startSession } from '~/server/staff/sessions';
import { accountByEmail } from '~/server/staff/store';
import { runCli } from '../helpers/cli';
import { freshDataDir } from '../helpers/pglite-template';

/** `npm run staff -- …` as a person runs it: a child process on a scratch data directory. */

let data: { dir: string; remove(): void };

beforeAll(async () => {
  data = await freshDataDir();
});
afterAll(() => data?.remove());

const staff = (args: string[], stdin = '') => runCli('staff.ts', args, { DATA_DIR: data.dir, SITE_URL: 'https://quotes.example.com' }, stdin);

describe('npm run staff', () => {
  it('adds an account and prints its one-time link on SITE_URL', async () => {
    const added = await staff(['add', '--email', 'Ana@Example.com', '--name', 'Ana Admin', '--role', 'admin']);
    expect(added.err).toBe('');
    expect(added.code).toBe(0);
    expect(added.out).toContain('Added Ana Admin <ana@example.com> as Admin.');
    expect(added.out).toMatch(/https:\/\/quotes\.example\.com\/staff\/reset\?token=[A-Za-z0-9_-]{43}/);
  }, 120_000);

  it('refuses a duplicate, a bad role and a bad email, each by its flag', async () => {
    const refused = await staff(['add', '--email', 'not-an-email', '--name', '', '--role', 'owner']);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('Error: --email: Enter an email address');
    expect(refused.err).toContain('Error: --name: Enter a name');
    expect(refused.err).toContain('Error: --role: Choose a role: sales, manager, admin');
    const duplicate = await staff(['add', '--email', 'ANA@example.com', '--name', 'Ana Again', '--role', 'sales']);
    expect(duplicate.code).toBe(1);
    expect(duplicate.err).toContain('Error: --email: There is already a staff account for ana@example.com');
  }, 180_000);

  it('takes a password from stdin, with the same rules', async () => {
    const weak = await staff(['add', '--email', 'bo@example.com', '--name', 'Bo Sales', '--role', 'sales', '--password-stdin'], 'password1234\n');
    expect(weak.code).toBe(1);
    expect(weak.err).toContain('too common');
    const added = await staff(['add', '--email', 'bo@example.com', '--name', 'Bo Sales', '--role', 'sales', '--password-stdin'], 'bo sells the best cameras\n');
    expect(added.code).toBe(0);
    expect(added.out).toContain('Their password is set');
    expect(added.out).not.toContain('token=');
  }, 180_000);

  it('lists the accounts and disables one, ending its sessions', async () => {
    let handle = await openDatabase({ dataDir: data.dir });
    const bo = (await accountByEmail(handle.db, 'bo@example.com'))!;
    const { token } = await startSession(handle.db, bo.id);
    await handle.close();

    const disabled = await staff(['disable', '--email', 'bo@example.com']);
    expect(disabled.code).toBe(0);
    expect(disabled.out).toContain('Disabled bo@example.com');
    const listed = await staff(['list']);
    expect(listed.out.trim().split('\n')).toEqual(['ana@example.com\tAna Admin\tadmin\tinvited', 'bo@example.com\tBo Sales\tsales\tdisabled']);

    handle = await openDatabase({ dataDir: data.dir });
    expect(await resumeSession(handle.db, token)).toBeNull();
    await handle.close();
  }, 180_000);

  it('explains its usage', async () => {
    const usage = await staff(['promote']);
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('Usage:');
  }, 60_000);
});
