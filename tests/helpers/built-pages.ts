import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { root } from './data-files';

export const clientDir = join(root, 'dist/client');

/** Every file under a folder, at any depth. */
export function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)]));
}

/** Every prerendered page of the last build, by the address it is served at: dist/client/compare/cameras/index.html → /compare/cameras. */
export function builtPages(): string[] {
  return files(clientDir)
    .filter((file) => file.endsWith('/index.html'))
    .map((file) => `/${relative(clientDir, file).replace(/\/?index\.html$/, '')}`);
}
