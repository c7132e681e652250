import { describe, expect, it } from 'vitest';
import { readShareCode } from '~/domain/configuration/link';
import { homeConfiguration, twoSiteConfiguration } from '../helpers/configuration';
import { serverForFile } from '../helpers/server';

/**
 * Short share links against the production server: made from a configuration alone, opened at
 * /c/<id> as the long link to the same configuration, a helpful page for an unknown id, and a body
 * carrying personal details or a broken configuration refused with the field named.
 */

const run = serverForFile({ env: { TRUST_PROXY: '1' } });
let lastAddress = 0;

function create(body: unknown) {
  return fetch(`${run.server.url}/api/short-links`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': `2001:db8::a${(++lastAddress).toString(16)}` },
    body: JSON.stringify(body),
  });
}

type Problem = { errors: { path: string; message: string }[] };

describe('short links', () => {
  it('stores a configuration under an unguessable id and opens the configurator with it', async () => {
    for (const configuration of [homeConfiguration(), twoSiteConfiguration()]) {
      const response = await create({ configuration });
      expect(response.status).toBe(201);
      const made = (await response.json()) as { id: string; path: string; url: string };
      // 18 random bytes: 144 bits, base64url.
      expect(made.id).toMatch(/^[A-Za-z0-9_-]{24}$/);
      expect(Buffer.from(made.id, 'base64url')).toHaveLength(18);
      expect(made.path).toBe(`/c/${made.id}`);
      expect(new URL(made.url).pathname).toBe(made.path);

      const opened = await fetch(`${run.server.url}${made.path}`, { redirect: 'manual' });
      expect(opened.status).toBe(302);
      expect(opened.headers.get('cache-control')).toContain('no-store');
      const location = opened.headers.get('location')!;
      expect(location.startsWith('/configure#c=')).toBe(true);
      const read = await readShareCode(location.slice('/configure#c='.length));
      expect(read.ok && read.value).toEqual(configuration);
    }
  });

  it('makes a new id each time, even for the same configuration', async () => {
    const configuration = homeConfiguration();
    const ids = await Promise.all([create({ configuration }), create({ configuration })].map(async (r) => ((await (await r).json()) as { id: string }).id));
    expect(new Set(ids).size).toBe(2);
  });

  it('answers an unknown or cut-off id with a 404 page that offers the ways forward', async () => {
    for (const id of ['AbCdEfGhIjKlMnOpQrStUv_-', 'AbCdEf', 'not%20an%20id']) {
      const response = await fetch(`${run.server.url}/c/${id}`, { redirect: 'manual' });
      expect(response.status, id).toBe(404);
      const page = await response.text();
      expect(page).toContain('We could not find this share link');
      expect(page).toContain('href="/configure"');
      expect(page).toContain('href="/assessment"');
    }
  });

  it('refuses personal details beside the configuration, naming each field, and stores nothing', async () => {
    const response = await create({ configuration: homeConfiguration(), contact: { name: 'Ada Lovelace', email: 'ada@example.com' }, email: 'ada@example.com' });
    expect(response.status).toBe(422);
    const problem = (await response.json()) as Problem;
    expect(problem.errors.map((e) => e.path).sort()).toEqual(['contact', 'email']);
    expect(problem.errors[0]!.message).toMatch(/only the configuration/);
  });

  it('refuses an invalid configuration or none, naming the field', async () => {
    const broken = homeConfiguration();
    broken.sites[0]!.lines[0]!.quantity = 0;
    const problem = (await (await create({ configuration: broken })).json()) as Problem;
    expect(problem.errors.map((e) => e.path)).toEqual(['configuration.sites.0.lines.0.quantity']);

    const unknown = homeConfiguration();
    unknown.sites[0]!.lines[0]!.productId = 'no-such-product';
    const unknownProblem = (await (await create({ configuration: unknown })).json()) as Problem;
    expect(unknownProblem.errors.map((e) => e.path)).toEqual(['configuration.sites.0.lines.0.productId']);

    const missing = await create({});
    expect(missing.status).toBe(422);
    expect(((await missing.json()) as Problem).errors.map((e) => e.path)).toEqual(['configuration']);
  });
});
