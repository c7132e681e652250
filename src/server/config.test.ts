import { describe, expect, it } from 'vitest';
import { ConfigError, configNames, configWarnings, readConfig, type Config, type ConfigName } from './config';

/**
 * Every setting: what it is when unset, what valid text reads as, and what text is refused. A
 * refusal must name the variable and say what it must be, and must not repeat the value (URLs hold
 * passwords).
 */
const table: { [N in ConfigName]: { unset: Config[N]; valid: [string, Config[N]][]; invalid: [string, RegExp][] } } = {
  HOST: { unset: 'localhost', valid: [['0.0.0.0', '0.0.0.0'], [' 127.0.0.1 ', '127.0.0.1'], ['::', '::'], ['quotes.internal', 'quotes.internal']], invalid: [['local host', /host name or an IP address/], ['http://0.0.0.0', /host name/]] },
  PORT: {
    unset: 4321,
    valid: [['8080', 8080], ['0', 0], ['65535', 65_535]],
    invalid: [['abc', /whole number, from 0 to 65535/], ['80.5', /whole number/], ['-1', /whole number/], ['65536', /from 0 to 65535/]],
  },
  SITE_URL: {
    unset: undefined,
    valid: [['https://quotes.example.com', 'https://quotes.example.com'], ['http://localhost:4321/', 'http://localhost:4321/']],
    invalid: [['www.northgate.example', /http:\/\/ or https:\/\/ URL/], ['ftp://quotes.example.com', /http:\/\/ or https:\/\//]],
  },
  // Any path will do; the folder is made when missing.
  DATA_DIR: { unset: './data', valid: [['/var/lib/quotes', '/var/lib/quotes']], invalid: [] },
  DATABASE_URL: {
    unset: undefined,
    valid: [['postgres://app:secret@db:5432/quotes', 'postgres://app:secret@db:5432/quotes'], ['postgresql://db/quotes', 'postgresql://db/quotes']],
    invalid: [['db:5432/quotes', /postgres:\/\/ or postgresql:\/\/ URL/], ['mysql://app:secret@db/quotes', /postgres:\/\//]],
  },
  DATABASE_POOL_SIZE: { unset: 10, valid: [['25', 25], ['1', 1]], invalid: [['0', /1 or more/], ['ten', /whole number/]] },
  SMTP_URL: {
    unset: undefined,
    valid: [['smtp://user:pass@mail.example.com:587', 'smtp://user:pass@mail.example.com:587'], ['smtps://mail.example.com', 'smtps://mail.example.com']],
    invalid: [['mail.example.org:25', /smtp:\/\/ or smtps:\/\/ URL/], ['https://user:pass@mail.example.com', /smtp:\/\//]],
  },
  MAIL_FROM: {
    unset: undefined,
    valid: [['quotes@example.com', 'quotes@example.com'], ['Northgate Quotes <quotes@example.com>', 'Northgate Quotes <quotes@example.com>']],
    invalid: [['Northgate Quotes', /email address or a name and address/], ['<quotes>', /email address/]],
  },
  INSTALLER_EMAIL: { unset: undefined, valid: [['installer@example.com', 'installer@example.com']], invalid: [['installer', /email address/], ['Installer <installer@example.com>', /email address/]] },
  OUTBOX_INTERVAL_SECONDS: { unset: 30, valid: [['1', 1], ['300', 300]], invalid: [['-1', /whole number, 1 or more/], ['0', /1 or more/], ['soon', /whole number/]] },
  OUTBOX_RETRY_SECONDS: { unset: 60, valid: [['1', 1], ['3600', 3600]], invalid: [['0', /1 or more/], ['1.5', /whole number/]] },
  OUTBOX_CLAIM_SECONDS: { unset: 120, valid: [['5', 5], ['600', 600]], invalid: [['0', /1 or more/], ['2.5', /whole number/]] },
  RETENTION_INTERVAL_MINUTES: { unset: 60, valid: [['1', 1], ['1440', 1440]], invalid: [['0', /1 or more/], ['hourly', /whole number/]] },
  REMINDER_INTERVAL_MINUTES: { unset: 10, valid: [['1', 1], ['60', 60]], invalid: [['0', /1 or more/], ['often', /whole number/]] },
  REDIS_URL: {
    unset: undefined,
    valid: [['redis://127.0.0.1:6379', 'redis://127.0.0.1:6379'], ['rediss://:secret@cache.example.com:6380', 'rediss://:secret@cache.example.com:6380']],
    invalid: [['10.0.0.5:6379', /redis:\/\/ or rediss:\/\/ URL/], ['http://cache.example.com', /redis:\/\//]],
  },
  TRUST_PROXY: { unset: 0, valid: [['0', 0], ['1', 1], ['2', 2]], invalid: [['x', /whole number, 0 or more/], ['true', /whole number/], ['-1', /whole number/]] },
  RATE_LIMIT_SUBMISSIONS: { unset: 10, valid: [['3', 3], ['100000000', 100_000_000]], invalid: [['0', /1 or more/], ['many', /whole number/]] },
  RATE_LIMIT_WINDOW_SECONDS: { unset: 600, valid: [['60', 60]], invalid: [['0', /1 or more/], ['10m', /whole number/]] },
  RATE_LIMIT_ESTIMATES: { unset: 120, valid: [['100000', 100_000]], invalid: [['-5', /whole number/], ['1e3', /whole number/]] },
  STAFF_SESSION_IDLE_MINUTES: { unset: 120, valid: [['30', 30]], invalid: [['0', /1 or more/], ['2h', /whole number/]] },
  STAFF_SESSION_ABSOLUTE_HOURS: { unset: 12, valid: [['8', 8]], invalid: [['0', /1 or more/], ['half a day', /whole number/]] },
  STAFF_SIGN_IN_ATTEMPTS_PER_EMAIL: { unset: 5, valid: [['10', 10]], invalid: [['0', /1 or more/], ['five', /whole number/]] },
  STAFF_SIGN_IN_ATTEMPTS_PER_ADDRESS: { unset: 20, valid: [['100', 100]], invalid: [['0', /1 or more/], ['-3', /whole number/]] },
  STAFF_SIGN_IN_WINDOW_MINUTES: { unset: 15, valid: [['60', 60]], invalid: [['0', /1 or more/], ['15m', /whole number/]] },
  STAFF_INVITE_HOURS: { unset: 24, valid: [['72', 72]], invalid: [['0', /1 or more/], ['1.5', /whole number/]] },
  STAFF_RESET_MINUTES: { unset: 30, valid: [['60', 60]], invalid: [['0', /1 or more/], ['soon', /whole number/]] },
  LOG_LEVEL: { unset: 'info', valid: [['debug', 'debug'], ['silent', 'silent']], invalid: [['verbose', /one of trace, debug, info, warn, error, fatal, silent/], ['INFO', /one of/]] },
  SHUTDOWN_GRACE_SECONDS: { unset: 10, valid: [['0', 0], ['30', 30]], invalid: [['-1', /whole number, 0 or more/], ['5s', /whole number/]] },
  STRIPE_SECRET_KEY: { unset: undefined, valid: [['sk_test_51Abc', 'sk_test_51Abc'], ['rk_live_9xY_z', 'rk_live_9xY_z']], invalid: [['pk_test_51Abc', /Stripe secret or restricted key/], ['sk_test_ab cd', /sk_test_/]] },
  STRIPE_WEBHOOK_SECRET: { unset: undefined, valid: [['whsec_abc123', 'whsec_abc123']], invalid: [['abc123', /webhook signing secret/]] },
  STRIPE_API_URL: { unset: undefined, valid: [['http://127.0.0.1:12111', 'http://127.0.0.1:12111']], invalid: [['stripe-mock:12111', /http:\/\/ or https:\/\/ URL/]] },
};

/** Settings that only work in pairs are read with their partner set. */
const companions: Partial<Record<ConfigName, Record<string, string>>> = {
  STRIPE_SECRET_KEY: { STRIPE_WEBHOOK_SECRET: 'whsec_partner' },
  STRIPE_WEBHOOK_SECRET: { STRIPE_SECRET_KEY: 'sk_test_partner' },
};

function refusal(env: Record<string, string>): ConfigError {
  try {
    readConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`${JSON.stringify(env)} was accepted`);
}

describe('server settings', () => {
  it('cover every variable the server reads', () => {
    expect(Object.keys(table).sort()).toEqual([...configNames].sort());
  });

  describe.each(configNames)('%s', (name) => {
    const { unset, invalid } = table[name];
    const valid: [string, unknown][] = table[name].valid;

    it('has its default when unset or blank', () => {
      expect(readConfig({})[name]).toEqual(unset);
      expect(readConfig({ [name]: '  ' })[name]).toEqual(unset);
    });

    it.each(valid)('reads %j', (text, value) => {
      expect(readConfig({ ...companions[name], [name]: text })[name]).toEqual(value);
    });

    if (invalid.length > 0) it.each(invalid)('refuses %j, naming the variable and what it must be', (text, reason) => {
      const error = refusal({ ...companions[name], [name]: text });
      expect(error.problems).toEqual([{ name, message: expect.stringMatching(reason) }]);
      expect(error.message).toMatch(new RegExp(`^  ${name} must `, 'm'));
      expect(error.message).not.toContain(text);
    });
  });

  it('names every wrong setting at once', () => {
    const error = refusal({ PORT: 'abc', DATABASE_URL: 'not a url', OUTBOX_INTERVAL_SECONDS: '-1', TRUST_PROXY: 'x' });
    expect(error.problems.map((p) => p.name).sort()).toEqual(['DATABASE_URL', 'OUTBOX_INTERVAL_SECONDS', 'PORT', 'TRUST_PROXY']);
  });
});

describe('online deposits', () => {
  it('need the secret key and the webhook secret together, naming the one missing', () => {
    expect(refusal({ STRIPE_SECRET_KEY: 'sk_test_abc' }).problems).toEqual([{ name: 'STRIPE_WEBHOOK_SECRET', message: expect.stringMatching(/must be set too/) }]);
    expect(refusal({ STRIPE_WEBHOOK_SECRET: 'whsec_abc' }).problems).toEqual([{ name: 'STRIPE_SECRET_KEY', message: expect.stringMatching(/must be set too/) }]);
  });
});

describe('warnings at start', () => {
  it('warn when SITE_URL is unset on a host other machines reach, naming SITE_URL, and only then', () => {
    for (const HOST of ['0.0.0.0', '::', '10.0.0.5', 'quotes.internal']) {
      expect(configWarnings(readConfig({ HOST })), HOST).toEqual([expect.stringMatching(/^SITE_URL is not set .*links in mail/)]);
      expect(configWarnings(readConfig({ HOST, SITE_URL: 'https://quotes.example.com' })), HOST).toEqual([]);
    }
    for (const HOST of [undefined, 'localhost', '127.0.0.1', '::1']) expect(configWarnings(readConfig({ HOST })), String(HOST)).toEqual([]);
  });
});
