import type { Request } from 'autocannon';
import { idempotencyKey, installationRequest, type Configuration, type SubmissionAnswer } from './site.ts';

/**
 * Submissions as real visitors send them, for the server and cluster benchmarks: each with its own
 * Idempotency-Key and visitor, noted in a ledger with the answer once acknowledged, and sent again
 * with the same key when no answer came, as a real client retries.
 */

let visitors = 0;

/** Every submission sent, by its Idempotency-Key, with the answer once a 2xx came back. */
export type Ledger = Map<string, { body: string; answer: SubmissionAnswer | null }>;

const submissionHeaders = (key: string) => ({ 'content-type': 'application/json', 'idempotency-key': key });
export const isAcknowledged = (status: number) => status >= 200 && status < 300;

/**
 * A submission per request, each from a different visitor whose email starts with `phase`, so the
 * database tells the phases apart; each is noted in `ledger`, with its answer when acknowledged.
 */
export function submissions(configuration: Configuration, phase: string, ledger: Ledger = new Map()): Request {
  return {
    method: 'POST',
    path: '/api/requests',
    setupRequest: (request, context) => {
      const key = idempotencyKey();
      const body = JSON.stringify(installationRequest(configuration, `${phase}-${++visitors}`));
      context.key = key;
      ledger.set(key, { body, answer: null });
      return { ...request, headers: submissionHeaders(key), body };
    },
    onResponse: (status, body, context) => {
      const sent = ledger.get(context.key as string);
      if (sent && isAcknowledged(status)) sent.answer = JSON.parse(body) as SubmissionAnswer;
    },
  };
}

/** Sends every unacknowledged submission again with its own key, a few at a time; returns how many were. */
export async function retryUnacknowledged(url: string, ledger: Ledger, connections: number): Promise<number> {
  const waiting = [...ledger].filter(([, sent]) => sent.answer === null);
  const retryOne = async ([key, sent]: (typeof waiting)[number]) => {
    const response = await fetch(`${url}/api/requests`, { method: 'POST', headers: submissionHeaders(key), body: sent.body });
    if (isAcknowledged(response.status)) sent.answer = (await response.json()) as SubmissionAnswer;
    else await response.body?.cancel();
  };
  for (let start = 0; start < waiting.length; start += connections) {
    await Promise.all(waiting.slice(start, start + connections).map(retryOne));
  }
  return waiting.length;
}

export const acknowledgedAnswers = (ledger: Ledger) => [...ledger.values()].flatMap((sent) => (sent.answer ? [sent.answer] : []));
