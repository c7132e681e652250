import { Agent, createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';

/**
 * A small round-robin reverse proxy in front of the cluster benchmark's instances, as a load balancer
 * would be: each request goes to the next instance; one that refuses the connection (killed, not
 * restarted yet) is skipped, while a request that was already sent to an instance that then died is
 * answered 502 and left for the client to retry with its key. It adds the client's address to
 * X-Forwarded-For (the instances run with TRUST_PROXY=1); a benchmark stands in for several clients
 * by naming one in `X-Bench-Client`.
 */

export interface Proxy {
  url: string;
  close(): Promise<void>;
}

const agent = new Agent({ keepAlive: true, maxSockets: 64 });
const hopByHop = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'x-bench-client', 'x-forwarded-for']);

function forward(upstreams: string[], first: number, incoming: IncomingMessage, outgoing: ServerResponse, body: Buffer, attempt = 0): void {
  const target = new URL(incoming.url ?? '/', upstreams[(first + attempt) % upstreams.length]);
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(incoming.headers)) if (value !== undefined && !hopByHop.has(name)) headers[name] = value;
  headers['x-forwarded-for'] = String(incoming.headers['x-bench-client'] ?? incoming.socket.remoteAddress ?? 'unknown');
  headers['content-length'] = String(body.length);
  const sent = request(target, { method: incoming.method, headers, agent }, (answer) => {
    outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(outgoing);
    answer.on('error', () => outgoing.destroy());
  });
  sent.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'ECONNREFUSED' && attempt + 1 < upstreams.length) return forward(upstreams, first, incoming, outgoing, body, attempt + 1);
    if (outgoing.headersSent) outgoing.destroy();
    else outgoing.writeHead(502, { 'content-type': 'text/plain' }).end(`No answer from ${target.host}: ${error.code ?? error.message}`);
  });
  sent.end(body);
}

export async function startProxy(upstreams: string[]): Promise<Proxy> {
  let next = 0;
  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => forward(upstreams, next++, incoming, outgoing, Buffer.concat(chunks)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
