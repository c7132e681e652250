import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { root } from '~/cli/build';
import { configNames } from '~/server/config';

export interface CommandResult {
  code: number | null;
  out: string;
  err: string;
}

/** A command of `src/cli/` as a person runs it: a child process with none of the server's settings but `env`. */
export function runCli(script: string, args: string[], env: Record<string, string>, stdin = ''): Promise<CommandResult> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  for (const name of configNames) delete childEnv[name];
  Object.assign(childEnv, env);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'src/cli', script), ...args], { cwd: root, env: childEnv, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, out, err }));
    child.stdin.end(stdin);
  });
}
