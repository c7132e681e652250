import { fork, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import type { RecordedAnswer } from './bare-server.ts';

/** A route of the benchmark: what autocannon sends, and what the real server answered to it once. */
export interface Route {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

const keptHeaders = ['content-type', 'content-encoding', 'vary', 'cache-control'];

/** Sends the route once to the real server and keeps the raw answer (no decompression), as the bare server will repeat it. */
export function recordAnswer(baseUrl: string, route: Route): Promise<RecordedAnswer> {
  return new Promise((resolve, reject) => {
    const sent = request(`${baseUrl}${route.path}`, { method: route.method, headers: route.headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const headers = Object.fromEntries(keptHeaders.flatMap((name) => (response.headers[name] ? [[name, String(response.headers[name])]] : [])));
        resolve({ status: response.statusCode!, headers, body: Buffer.concat(chunks).toString('base64') });
      });
      response.on('error', reject);
    });
    sent.on('error', reject);
    sent.end(route.body);
  });
}

export interface BareServer {
  url: string;
  stop(): void;
}

/** Starts the bare server with the recorded answers of `routes` (see bare-server.ts). */
export async function startBareServer(baseUrl: string, routes: Route[]): Promise<BareServer> {
  const answers: Record<string, RecordedAnswer> = {};
  for (const route of routes) answers[`${route.method} ${route.path}`] = await recordAnswer(baseUrl, route);
  const child: ChildProcess = fork(new URL('./bare-server.ts', import.meta.url), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message: { port: number }) => resolve(message.port));
    child.once('exit', (code) => reject(new Error(`The bare server exited with code ${code}`)));
    child.send(answers);
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}
