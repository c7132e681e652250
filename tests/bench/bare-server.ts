/**
 * The ceiling of the server benchmark: a bare node:http server, in its own process as the real one
 * is, that answers each route with the exact bytes the real server sent for it (status, type,
 * encoding, body), and does nothing else. What it manages is what Node's HTTP stack and autocannon
 * allow on this machine at that moment; a route's figure beside it tells how much the work costs.
 * Started by ceiling.ts with the answers over IPC; it replies with its port.
 */
import { createServer } from 'node:http';

export interface RecordedAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

type Answers = Record<string, RecordedAnswer>;

process.once('message', (answers: Answers) => {
  const prepared = new Map(Object.entries(answers).map(([route, answer]) => [route, { ...answer, body: Buffer.from(answer.body, 'base64') }]));
  const server = createServer((request, response) => {
    const answer = prepared.get(`${request.method} ${request.url}`);
    request.resume();
    request.on('end', () => {
      if (!answer) return void response.writeHead(404).end();
      response.writeHead(answer.status, { ...answer.headers, 'content-length': String(answer.body.length) }).end(answer.body);
    });
  });
  server.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as { port: number }).port }));
});
process.once('disconnect', () => process.exit(0));
