import { SMTPServer } from 'smtp-server';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from './server-process.ts';

/**
 * A real SMTP server on a free local port that keeps what it receives, for tests that deliver mail
 * through nodemailer end to end. It requires the username and password it was started with.
 */

export interface ReceivedMail {
  from: string;
  to: string[];
  headers: Map<string, string>;
  subject: string;
  /** The text/plain part, decoded. */
  text: string;
  raw: string;
}

export interface TestSmtp {
  url: string;
  /** What it accepted. */
  messages: ReceivedMail[];
  /** Deliveries it was offered, accepted or refused, by Message-ID. */
  offered: Map<string, number>;
  waitForMessages(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  // Folded header lines continue with whitespace.
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

function decodeQuotedPrintable(text: string): string {
  const bytes = text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

function decodePart(headers: Map<string, string>, body: string): string {
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return body;
}

function split(raw: string): { headers: Map<string, string>; body: string } {
  const at = raw.search(/\r?\n\r?\n/);
  return { headers: parseHeaders(raw.slice(0, at)), body: raw.slice(at).replace(/^\r?\n\r?\n/, '') };
}

function plainText(raw: string): string {
  const { headers, body } = split(raw);
  const type = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!boundary) return decodePart(headers, body);
  for (const part of body.split(`--${boundary}`)) {
    const text = plainText(part.replace(/^\r?\n/, ''));
    if (/text\/plain/i.test(split(part.replace(/^\r?\n/, '')).headers.get('content-type') ?? '')) return text;
  }
  return '';
}

/** RFC 2047 encoded words in a header ("=?UTF-8?Q?...?="), as nodemailer writes them for non-ASCII text. */
function decodeHeader(value: string): string {
  return value.replace(/=\?([^?]+)\?([QB])\?([^?]*)\?=/gi, (_, _charset: string, kind: string, text: string) =>
    kind.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : decodeQuotedPrintable(text.replace(/_/g, ' ')),
  );
}

export interface SmtpOptions {
  port?: number;
  user?: string;
  pass?: string;
  /** Refuses each message's first this many deliveries (by Message-ID) with a 451 after its data; Infinity refuses every one. */
  refuseFirst?: number;
  /** How long it takes to accept each message once it has its data: a slow mail server. */
  acceptMs?: number;
}

export async function startSmtp(options: SmtpOptions = {}): Promise<TestSmtp> {
  const credentials = { user: options.user ?? 'mailer', pass: options.pass ?? 's3cret' };
  const messages: ReceivedMail[] = [];
  const offered = new Map<string, number>();
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === credentials.user && auth.password === credentials.pass) callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const { headers } = split(raw);
        const messageId = headers.get('message-id') ?? '';
        const tries = (offered.get(messageId) ?? 0) + 1;
        offered.set(messageId, tries);
        if (tries <= (options.refuseFirst ?? 0)) {
          callback(Object.assign(new Error('Mailbox for <ada@example.com> is over quota, try again later'), { responseCode: 451 }));
          return;
        }
        const accept = () => {
          messages.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            headers,
            subject: decodeHeader(headers.get('subject') ?? ''),
            text: plainText(raw),
            raw,
          });
          callback();
        };
        if (options.acceptMs) setTimeout(accept, options.acceptMs);
        else accept();
      });
    },
  });
  const port = options.port ?? (await freePort());
  // A sender killed mid-conversation (bench:cluster's SIGKILL) resets its connection; the server goes on serving the others.
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'ECONNRESET') throw error;
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `smtp://${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.pass)}@127.0.0.1:${port}`,
    messages,
    offered,
    async waitForMessages(count, timeoutMs = 15_000) {
      const end = Date.now() + timeoutMs;
      while (messages.length < count) {
        if (Date.now() > end) throw new Error(`Expected ${count} messages, received ${messages.length}`);
        await sleep(50);
      }
      return messages;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
