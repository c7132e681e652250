import { randomUUID } from 'node:crypto';
import { buildIfStale } from '../../src/cli/build.ts';
import { freshDataDir } from '../helpers/pglite-template.ts';
import { spawnServer, type ServerProcess } from '../helpers/server-process.ts';

/**
 * What both benchmarks share: the production build served on a free port with a fresh PGlite data
 * directory, and realistic bodies taken from the server itself (the recommended package for a home),
 * so the figures are for what a visitor really sends. Plain Node: the domain code is not imported.
 */

export interface BenchSite {
  server: ServerProcess;
  /** Stops the server and removes its data directory. */
  close(): Promise<void>;
}

export async function startSite(env: Record<string, string> = {}): Promise<BenchSite> {
  buildIfStale();
  const data = await freshDataDir();
  try {
    const server = await spawnServer({ dataDir: data.dir, env });
    return {
      server,
      async close() {
        await server.stop();
        data.remove();
      },
    };
  } catch (error) {
    data.remove();
    throw error;
  }
}

async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<unknown> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`POST ${url} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

export interface Configuration {
  sites: { id: string; lines: { productId: string }[] }[];
}

/** The configuration the assessment recommends for a two-storey home that wants deterrence and fire/CO safety. */
export async function recommendedConfiguration(baseUrl: string): Promise<Configuration> {
  const body = (await postJson(`${baseUrl}/api/estimate`, { premises: { kind: 'home', goals: ['deter', 'fire-co'], postalCode: '94107' } })) as {
    recommendation: { packages: { recommended: { configuration: Configuration } } };
  };
  return body.recommendation.packages.recommended.configuration;
}

const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);

/** An installation request for the configuration from `visitor` (letters, digits and dashes), as its email address says. */
export function installationRequest(configuration: Configuration, visitor: string) {
  return {
    kind: 'installation',
    contact: { name: `Bench ${visitor}`, email: `${visitor}@example.com`, phone: '(555) 010-2000' },
    addresses: configuration.sites.map((site) => ({ siteId: site.id, line1: '12 Analytical Way', city: 'Bayview', region: 'CA', postalCode: '94107' })),
    windows: [{ date: inAWeek(), part: 'morning' }],
    notes: 'Gate is on the left.',
    consent: true,
    configuration,
  };
}

export const idempotencyKey = () => `bench-${randomUUID()}`;

export interface SubmissionAnswer {
  reference: string;
  quote: { id: string; url: string } | null;
}

export async function submitRequest(baseUrl: string, configuration: Configuration): Promise<SubmissionAnswer> {
  return (await postJson(`${baseUrl}/api/requests`, installationRequest(configuration, 'visitor'), { 'idempotency-key': idempotencyKey() })) as SubmissionAnswer;
}

/** A Markdown table with aligned columns (numbers to the right), readable in a terminal and pasted as is into the README. */
export function formatTable(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, column) => Math.max(3, ...cells.map((row) => row[column]!.length)));
  const line = (row: string[]) => `| ${row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join(' | ')} |`;
  const rule = `|${widths.map((width, column) => (column === 0 ? `${'-'.repeat(width + 2)}` : `${'-'.repeat(width + 1)}:`)).join('|')}|`;
  return [line(header), rule, ...cells.slice(1).map(line)].join('\n');
}
