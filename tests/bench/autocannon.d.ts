/** The part of autocannon's API the server benchmark uses (the package ships no types). */
declare module 'autocannon' {
  export interface Request {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
    /** Called before each request is sent; returns the request to send. */
    setupRequest?: (request: Request, context: Record<string, unknown>) => Request;
    /** Called with each response; the body is collected only when this is set. */
    onResponse?: (status: number, body: string, context: Record<string, unknown>, headers: Record<string, string>) => void;
  }

  export interface Options {
    url: string;
    connections?: number;
    /** Seconds. */
    duration?: number;
    /** Total requests, instead of a duration. */
    amount?: number;
    /** At most this many requests per second across all connections. */
    overallRate?: number;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    requests?: Request[];
  }

  export interface Histogram {
    average: number;
    p50: number;
    p99: number;
    max: number;
  }

  export interface Result {
    /** Milliseconds. */
    latency: Histogram;
    /** Per second. */
    requests: Histogram;
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    '2xx': number;
    totalRequests: number;
    totalCompletedRequests: number;
  }

  /** A run under way: it resolves with the figures when its duration is up or `stop()` is called. */
  export interface Run extends Promise<Result> {
    stop(): void;
  }

  function autocannon(options: Options): Run;
  export default autocannon;
}
