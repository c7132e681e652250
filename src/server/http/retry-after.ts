/**
 * An action cannot set response headers; the page that renders its result can. The action notes how
 * long a rate-limited client must wait against the request it is answering, and the page sends it
 * as Retry-After with the 429.
 */
const waits = new WeakMap<Request, number>();

export function noteRetryAfter(request: Request, seconds: number): void {
  waits.set(request, seconds);
}

export function retryAfterFor(request: Request): number | undefined {
  return waits.get(request);
}
