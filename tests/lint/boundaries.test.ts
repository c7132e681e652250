import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layering rules of eslint.config.js, run on source text given a path inside src/ (no file is
// written there), so a bad import is shown to fail and a good one to pass.
const root = fileURLToPath(new URL('../..', import.meta.url));
const src = join(root, 'src');
const eslint = new ESLint({ cwd: root });
// Loading the config and the resolver takes seconds on a busy machine; each lint after that is quick.
const slow = { timeout: 60_000 };

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return (result?.messages ?? []).map((message) => message.ruleId ?? `parse: ${message.message}`);
}

/** A real module of a layer (the first source file found), as an import path from src/ without the .ts. */
function moduleIn(layer: string): string {
  const file = readdirSync(join(src, layer), { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(ts|tsx|astro)$/.test(name) && !/\.test\.|\.d\.ts$/.test(name))
    .sort()[0];
  if (!file) throw new Error(`no source file in src/${layer}`);
  return relative(src, join(src, layer, file)).split('\\').join('/').replace(/\.tsx?$/, '');
}

const upperLayers = ['server', 'stores', 'islands', 'pages', 'components', 'actions'];
const frameworkPackages = ['astro', 'astro:content', 'astro/zod', 'preact', 'preact/hooks', '@preact/signals', 'nanostores', '@nanostores/preact'];

describe('the domain imports nothing above it', slow, () => {
  it.each(frameworkPackages)('rejects importing %s', async (name) => {
    expect(await ruleIds('src/domain/catalog/probe.ts', `import * as framework from '${name}';\nexport const used = framework;\n`)).toContain('no-restricted-imports');
  });

  it.each(upperLayers)('rejects importing src/%s, by a relative path and by the ~/ alias', async (layer) => {
    const target = moduleIn(layer);
    for (const specifier of [`../../${target}`, `~/${target}`]) {
      expect(await ruleIds('src/domain/catalog/probe.ts', `import * as upper from '${specifier}';\nexport const used = upper;\n`), specifier).toContain('import-x/no-restricted-paths');
    }
    expect(await ruleIds('src/domain/probe.ts', `import type * as upper from '../${target}';\nexport type Used = typeof upper;\n`)).toContain('import-x/no-restricted-paths');
  });

  it('rejects it in an .astro file too, whose frontmatter is parsed', async () => {
    const code = `---\nimport * as server from '../${moduleIn('server')}';\nconst used = server;\n---\n<p>{String(used)}</p>\n`;
    expect(await ruleIds('src/domain/Probe.astro', code)).toEqual(['import-x/no-restricted-paths']);
  });

  it('accepts zod and other domain modules', async () => {
    const code = `import * as z from 'zod/mini';\nimport * as money from '../${moduleIn('domain')}';\nexport const used = [z, money];\n`;
    expect(await ruleIds('src/domain/probe.ts', code)).toEqual([]);
  });
});

describe('islands and stores do not import the server', slow, () => {
  it.each(['src/islands/configure/Probe.tsx', 'src/stores/probe.ts'])('%s rejects src/server and node: modules', async (filePath) => {
    const server = moduleIn('server');
    const up = filePath.split('/').length === 4 ? '../../' : '../';
    expect(await ruleIds(filePath, `import * as server from '${up}${server}';\nexport const used = server;\n`)).toContain('import-x/no-restricted-paths');
    expect(await ruleIds(filePath, `import * as server from '~/${server}';\nexport const used = server;\n`)).toContain('import-x/no-restricted-paths');
    expect(await ruleIds(filePath, `import { readFileSync } from 'node:fs';\nexport const used = readFileSync;\n`)).toEqual(['import-x/no-nodejs-modules']);
    expect(await ruleIds(filePath, `import * as domain from '~/${moduleIn('domain')}';\nexport const used = domain;\n`)).toEqual([]);
  });

  it('a store rejects importing an island, by a relative path and by the ~/ alias', async () => {
    const island = moduleIn('islands');
    for (const specifier of [`../${island}`, `~/${island}`]) {
      expect(await ruleIds('src/stores/probe.ts', `import * as island from '${specifier}';\nexport const used = island;\n`), specifier).toEqual(['import-x/no-restricted-paths']);
    }
    expect(await ruleIds('src/islands/configure/Probe.tsx', `import * as store from '~/${moduleIn('stores')}';\nexport const used = store;\n`)).toEqual([]);
  });

  it('lets their tests build fixtures with server code', async () => {
    expect(await ruleIds('src/stores/probe.test.ts', `import * as server from '../${moduleIn('server')}';\nexport const used = server;\n`)).toEqual([]);
  });
});

describe('imports the resolver cannot follow', slow, () => {
  it('are errors, so a misspelt path cannot slip past the boundaries', async () => {
    expect(await ruleIds('src/domain/probe.ts', `import * as missing from '../server/no-such-module';\nexport const used = missing;\n`)).toEqual(['import-x/no-unresolved']);
  });
});

describe('files run by plain Node', slow, () => {
  it('keep relative imports, as Node does not read tsconfig paths', async () => {
    const ids = await ruleIds('src/cli/probe.ts', `import * as domain from '~/${moduleIn('domain')}';\nexport const used = domain;\n`);
    expect(ids).toEqual(['no-restricted-imports']);
  });
});

describe('the real tree', () => {
  it('passes every rule, .astro files included', { timeout: 180_000 }, async () => {
    const results = await eslint.lintFiles(['.']);
    const problems = results.flatMap((result) => result.messages.map((m) => `${relative(root, result.filePath)}:${m.line} ${m.ruleId ?? 'parse'}: ${m.message}`));
    expect(problems).toEqual([]);
    expect(results.filter((result) => result.filePath.endsWith('.astro')).length).toBeGreaterThan(0);
  });
});
