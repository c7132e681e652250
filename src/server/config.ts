import { z } from 'zod';

/**
 * The server's settings from the environment, read and checked here only (README, "Settings"). A
 * wrong value stops the server at start with the variable's name and what is wrong with it, instead
 * of a default silently taking its place or a failure on the first request that needs it. A blank
 * value counts as unset. Values are never repeated in messages: URLs may hold passwords.
 *
 * This file is loaded by plain Node too (astro.config.mjs, src/cli/start.ts), so it imports nothing
 * from the project.
 */

const blankIsUnset = (value: unknown) => (typeof value === 'string' ? value.trim() || undefined : value);

/** A setting that may be left out; `schema` sees the trimmed text. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankIsUnset, schema.optional());
const withDefault = <T extends z.ZodType>(schema: T, fallback: z.output<T>) => z.preprocess(blankIsUnset, schema.default(fallback as never));

function wholeNumber(min: number, max = Number.MAX_SAFE_INTEGER) {
  const range = max === Number.MAX_SAFE_INTEGER ? `${min} or more` : `from ${min} to ${max}`;
  const message = `must be a whole number, ${range}`;
  return z
    .string(message)
    .regex(/^\d+$/, message)
    .transform(Number)
    .refine((n) => n >= min && n <= max, message);
}

/** A URL whose scheme is one of `schemes` (without the colon); the text is kept as given. */
function url(schemes: readonly string[], example: string) {
  const message = `must be a ${schemes.join(':// or ')}:// URL, like ${example}`;
  return z.string(message).refine((text) => {
    try {
      const parsed = new URL(text);
      return schemes.includes(parsed.protocol.slice(0, -1)) && parsed.hostname !== '';
    } catch {
      return false;
    }
  }, message);
}

const emailMessage = 'must be an email address, like quotes@example.com';
const email = z.string(emailMessage).pipe(z.email(emailMessage));
const stripeKeyMessage = 'must be a Stripe secret or restricted key, like sk_test_… or rk_live_…';
const webhookSecretMessage = 'must be a Stripe webhook signing secret, like whsec_…';
const hostMessage = 'must be a host name or an IP address, like 0.0.0.0';
/** pino's levels, most to least verbose, and `silent`. */
export const logLevels = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
const fromMessage = 'must be an email address or a name and address, like Northgate <quotes@example.com>';

export const configSchema = z.object({
  /** Where `npm start` listens; the Node adapter reads these two itself. */
  HOST: withDefault(z.string(hostMessage).regex(/^[A-Za-z0-9.:[\]-]+$/, hostMessage), 'localhost'),
  PORT: withDefault(wholeNumber(0, 65_535), 4321),
  /** The public address for links in mail and in the JSON Schemas; absent, the site the build was made for. */
  SITE_URL: optional(url(['http', 'https'], 'https://quotes.example.com')),
  DATA_DIR: withDefault(z.string(), './data'),
  DATABASE_URL: optional(url(['postgres', 'postgresql'], 'postgres://user@host:5432/db')),
  DATABASE_POOL_SIZE: withDefault(wholeNumber(1), 10),
  SMTP_URL: optional(url(['smtp', 'smtps'], 'smtp://user:pass@mail.example.com:587')),
  MAIL_FROM: optional(z.string(fromMessage).regex(/^([^<>@]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/, fromMessage)),
  INSTALLER_EMAIL: optional(email),
  OUTBOX_INTERVAL_SECONDS: withDefault(wholeNumber(1), 30),
  OUTBOX_RETRY_SECONDS: withDefault(wholeNumber(1), 60),
  /** Longer than a run takes to send its batch (20 messages), or another instance could send one of them again. */
  OUTBOX_CLAIM_SECONDS: withDefault(wholeNumber(1), 120),
  /** How often the server deletes what is past the privacy notice's retention periods. */
  RETENTION_INTERVAL_MINUTES: withDefault(wholeNumber(1), 60),
  /** How often the server looks for installation reminders that are due (settings.booking.reminderDaysBefore). */
  REMINDER_INTERVAL_MINUTES: withDefault(wholeNumber(1), 10),
  REDIS_URL: optional(url(['redis', 'rediss'], 'redis://127.0.0.1:6379')),
  /** How many proxies stand in front; 0 reads the client's address from the connection itself. */
  TRUST_PROXY: withDefault(wholeNumber(0), 0),
  RATE_LIMIT_SUBMISSIONS: withDefault(wholeNumber(1), 10),
  RATE_LIMIT_WINDOW_SECONDS: withDefault(wholeNumber(1), 600),
  RATE_LIMIT_ESTIMATES: withDefault(wholeNumber(1), 120),
  /** Stripe's secret key for deposits by Checkout; unset, the quote says the installer collects the deposit. */
  STRIPE_SECRET_KEY: optional(z.string(stripeKeyMessage).regex(/^[sr]k_(test|live)_[A-Za-z0-9_]+$/, stripeKeyMessage)),
  /** Verifies that a webhook call comes from Stripe; needed with STRIPE_SECRET_KEY, or no payment would ever be confirmed. */
  STRIPE_WEBHOOK_SECRET: optional(z.string(webhookSecretMessage).regex(/^whsec_[A-Za-z0-9_]+$/, webhookSecretMessage)),
  /** Where the Stripe library sends its calls instead of api.stripe.com: a local stand-in for tests. */
  STRIPE_API_URL: optional(url(['http', 'https'], 'http://127.0.0.1:12111')),
  /** How much the server logs (one JSON line per request at info); `silent` for none. */
  LOG_LEVEL: withDefault(z.enum(logLevels, `must be one of ${logLevels.join(', ')}`), 'info'),
  /** On SIGTERM or SIGINT, how long requests in flight may take to finish before their connections are closed. */
  SHUTDOWN_GRACE_SECONDS: withDefault(wholeNumber(0), 10),
  /** A staff session ends after this long without a request… */
  STAFF_SESSION_IDLE_MINUTES: withDefault(wholeNumber(1), 120),
  /** …and this long after sign-in, however busy. */
  STAFF_SESSION_ABSOLUTE_HOURS: withDefault(wholeNumber(1), 12),
  /** Sign-in attempts per email and per client address in each window. */
  STAFF_SIGN_IN_ATTEMPTS_PER_EMAIL: withDefault(wholeNumber(1), 5),
  STAFF_SIGN_IN_ATTEMPTS_PER_ADDRESS: withDefault(wholeNumber(1), 20),
  STAFF_SIGN_IN_WINDOW_MINUTES: withDefault(wholeNumber(1), 15),
  /** How long an invite's set-password link (and the first-admin link) works, and a reset link. */
  STAFF_INVITE_HOURS: withDefault(wholeNumber(1), 24),
  STAFF_RESET_MINUTES: withDefault(wholeNumber(1), 30),
});

export type Config = z.output<typeof configSchema>;
export type ConfigName = keyof Config;
export const configNames = Object.keys(configSchema.shape) as ConfigName[];

export type Environment = Readonly<Record<string, string | undefined>>;

/** Every wrong setting at once, one line each: "PORT must be a whole number, from 0 to 65535". */
export class ConfigError extends Error {
  readonly problems: { name: string; message: string }[];

  constructor(problems: { name: string; message: string }[]) {
    super(`The server cannot start: ${problems.length === 1 ? 'a setting is' : 'settings are'} wrong in the environment.\n${problems.map((p) => `  ${p.name} ${p.message}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Reads and checks the settings; throws a ConfigError naming each wrong one. */
export function readConfig(env: Environment = process.env): Config {
  const result = configSchema.safeParse(Object.fromEntries(configNames.map((name) => [name, env[name]])));
  if (result.success) {
    const { STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET } = result.data;
    if (Boolean(STRIPE_SECRET_KEY) !== Boolean(STRIPE_WEBHOOK_SECRET)) {
      const missing = STRIPE_SECRET_KEY ? 'STRIPE_WEBHOOK_SECRET' : 'STRIPE_SECRET_KEY';
      throw new ConfigError([{ name: missing, message: 'must be set too: online deposits need both the secret key and the webhook signing secret' }]);
    }
    return result.data;
  }
  throw new ConfigError(result.error.issues.map((issue) => ({ name: String(issue.path[0]), message: issue.message })));
}

/** Hosts only this machine reaches: there the build's default site address is the right one. */
const localHosts = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/**
 * Settings that are valid but probably wrong, one sentence each, for the server to print at start.
 * Pages link within the site they are served from; mail cannot, so a server reachable from other
 * machines without SITE_URL would mail links to the build's default address.
 */
export function configWarnings(settings: Config): string[] {
  if (settings.SITE_URL || localHosts.has(settings.HOST)) return [];
  return [`SITE_URL is not set while the server listens on ${settings.HOST}: links in mail (the quote link in each confirmation) point at the address the site was built for. Set SITE_URL to the public address, like https://quotes.example.com.`];
}

let current: Config | undefined;

/** The process's settings, read on first use; the server entry asks at start so a mistake stops it there. */
export function config(): Config {
  current ??= readConfig();
  return current;
}
