import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import type { Configuration } from '~/domain/configuration/configuration';
import type { Address, PreferredWindow } from '~/domain/requests/request';
import type { StaffRole } from '~/domain/staff/roles';
import type { QuoteSnapshot } from '../quotes/snapshot';

/**
 * Tables for quotes, requests and their notifications. Written for PostgreSQL (PGlite runs the same
 * SQL), with what comes next in mind: a staff portal with logins, quote revisions, online acceptance
 * and deposits, several server instances sharing one database. Money is integer cents in bigint;
 * every timestamp carries its time zone. Status columns are text with a check constraint, so a new
 * status is one migration that swaps the constraint.
 *
 * After changing this file run `npm run db:generate` and commit the SQL it writes to migrations/.
 */

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const cents = (name: string) => bigint(name, { mode: 'number' });

/** Where a quote stands. Only `requested` is written today; the rest are for the staff portal and online acceptance. */
export const quoteStatuses = ['saved', 'requested', 'sent', 'accepted', 'declined', 'withdrawn'] as const;
export type QuoteStatus = (typeof quoteStatuses)[number];

export const quotes = pgTable(
  'quotes',
  {
    id: uuid('id').primaryKey(),
    /** In the quote link: at least 128 random bits, base64url. Kept apart from `id` so a link can be revoked. */
    publicId: text('public_id').notNull().unique(),
    status: text('status').$type<QuoteStatus>().notNull(),
    audience: text('audience').$type<Configuration['audience']>().notNull(),
    /** The only personal data a quote holds: it greets the customer on the quote page. */
    firstName: text('first_name'),
    currentRevision: integer('current_revision').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('quotes_status_check', sql`${t.status} in ('saved', 'requested', 'sent', 'accepted', 'declined', 'withdrawn')`),
    check('quotes_audience_check', sql`${t.audience} in ('home', 'business')`),
    check('quotes_current_revision_check', sql`${t.currentRevision} >= 1`),
  ],
);

export const quoteRevisions = pgTable(
  'quote_revisions',
  {
    id: uuid('id').primaryKey(),
    quoteId: uuid('quote_id')
      .notNull()
      .references(() => quotes.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    configuration: jsonb('configuration').$type<Configuration>().notNull(),
    /** Estimate, products and settings as priced: the quote page renders from this, never from today's catalog. */
    snapshot: jsonb('snapshot').$type<QuoteSnapshot>().notNull(),
    /** Totals copied out of the snapshot so lists and reports need not open it. */
    oneTimeLowCents: cents('one_time_low_cents').notNull(),
    oneTimeHighCents: cents('one_time_high_cents').notNull(),
    monthlyCents: cents('monthly_cents').notNull(),
    pricedAt: timestamp('priced_at', { withTimezone: true }).notNull(),
    /** Last day the prices hold (inclusive). */
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    /** A staff user, once the portal has logins; null when the customer's own configuration made it. */
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('quote_revisions_quote_number_unique').on(t.quoteId, t.number),
    check('quote_revisions_number_check', sql`${t.number} >= 1`),
  ],
);

export const requests = pgTable(
  'requests',
  {
    id: uuid('id').primaryKey(),
    /** What the customer quotes on the phone: NG-7K4M2Q. */
    reference: text('reference').notNull().unique(),
    kind: text('kind').$type<'installation' | 'service'>().notNull(),
    /** For a staff portal's inbox; every request starts as `new`. */
    status: text('status').$type<'new'>().notNull().default('new'),
    quoteId: uuid('quote_id').references(() => quotes.id, { onDelete: 'set null' }),
    contactName: text('contact_name').notNull(),
    contactEmail: text('contact_email').notNull(),
    contactPhone: text('contact_phone'),
    addresses: jsonb('addresses').$type<Address[]>().notNull(),
    preferredWindows: jsonb('preferred_windows').$type<PreferredWindow[]>().notNull(),
    notes: text('notes'),
    consent: boolean('consent').notNull(),
    consentedAt: timestamp('consented_at', { withTimezone: true }).notNull(),
    serviceSystem: text('service_system'),
    serviceProblem: text('service_problem'),
    serviceUrgency: text('service_urgency'),
    /** A retried submission carries the same key and finds the stored request instead of making another. */
    idempotencyKey: text('idempotency_key').notNull().unique(),
    /** Hash of what was submitted: the same key with different content is refused rather than ignored. */
    fingerprint: text('fingerprint').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    check('requests_kind_check', sql`${t.kind} in ('installation', 'service')`),
    check('requests_consent_check', sql`${t.consent}`),
    index('requests_created_at_idx').on(t.createdAt),
  ],
);

export const outboxStatuses = ['pending', 'sent', 'logged', 'failed'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

/**
 * Messages written in the same transaction as the request they announce, delivered after the commit.
 * A crash, a mail server outage or a restart leaves them here to be retried; nothing is sent twice
 * on purpose, because a row is claimed (locked_until) before it is sent.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    requestId: uuid('request_id').references(() => requests.id, { onDelete: 'cascade' }),
    /** Which template wrote it, e.g. customer-confirmation or installer-notification. */
    kind: text('kind').notNull(),
    to: text('to').notNull(),
    replyTo: text('reply_to'),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    status: text('status').$type<OutboxStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set while one server instance delivers the row, so another one leaves it alone. */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    check('outbox_status_check', sql`${t.status} in ('pending', 'sent', 'logged', 'failed')`),
    index('outbox_due_idx').on(t.status, t.nextAttemptAt),
  ],
);

/**
 * Sales-staff accounts. The email is stored lowercase (the check keeps it so), so it is unique however
 * it was typed. No password until the person sets one through their one-time link.
 */
export const staffAccounts = pgTable(
  'staff_accounts',
  {
    id: uuid('id').primaryKey(),
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    role: text('role').$type<StaffRole>().notNull(),
    /** argon2id, in its PHC string (algorithm, parameters and salt included). */
    passwordHash: text('password_hash'),
    /** Set when the account is disabled: it cannot sign in and its sessions are gone. */
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    check('staff_accounts_role_check', sql`${t.role} in ('sales', 'manager', 'admin')`),
    check('staff_accounts_email_lowercase_check', sql`${t.email} = lower(${t.email})`),
  ],
);

/**
 * Signed-in browsers. Only the SHA-256 of the cookie's token is kept, so a copy of this table signs
 * nobody in. A session ends when it sits idle too long (last_seen_at) or at its absolute expiry,
 * whichever comes first; every instance reads the same rows.
 */
export const staffSessions = pgTable(
  'staff_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staffAccounts.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('staff_sessions_staff_id_idx').on(t.staffId)],
);

export const staffTokenPurposes = ['set_password', 'reset_password', 'first_admin'] as const;
export type StaffTokenPurpose = (typeof staffTokenPurposes)[number];

/**
 * Single-use links: set a password (invite), reset one (forgot), or create the first admin (printed
 * by `npm start` on a fresh install; it has no account yet). Only the SHA-256 of the token is kept.
 */
export const staffTokens = pgTable(
  'staff_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    purpose: text('purpose').$type<StaffTokenPurpose>().notNull(),
    staffId: uuid('staff_id').references(() => staffAccounts.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    check('staff_tokens_purpose_check', sql`${t.purpose} in ('set_password', 'reset_password', 'first_admin')`),
    check('staff_tokens_staff_check', sql`(${t.purpose} = 'first_admin') = (${t.staffId} is null)`),
    index('staff_tokens_staff_id_idx').on(t.staffId),
  ],
);
