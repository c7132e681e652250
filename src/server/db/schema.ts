import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, json, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import type { DepositStatus } from '~/domain/acceptance/deposit-status';
import type { Configuration } from '~/domain/configuration/configuration';
import type { NextStep, PreferredWindow, SiteAddress } from '~/domain/requests/request';
import type { FittedSite } from '~/domain/installation/installation';
import type { PipelineState } from '~/domain/pipeline/pipeline';
import type { StaffChanges } from '~/domain/quote-revisions/staff-changes';
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
    /**
     * Estimate, products and settings as priced: the quote page renders from this, never from today's
     * catalog. `json`, not `jsonb`: written once and read whole (about 30 kB), it is stored as sent;
     * parsing it into jsonb took a third of the database's time for each submission.
     */
    snapshot: json('snapshot').$type<QuoteSnapshot>().notNull(),
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

/** Where a draft's discounts stand: within the editor's limit, waiting for a manager, approved or refused. */
export const draftApprovals = ['not_needed', 'requested', 'approved', 'refused'] as const;
export type DraftApproval = (typeof draftApprovals)[number];

/**
 * The revision staff are building, one per quote at most: what they changed, not yet sent. Sending
 * freezes it into the next row of quote_revisions and deletes it, so what a customer holds is never
 * edited. Figures are not stored here: the server prices the draft again whenever it is read.
 */
export const quoteDrafts = pgTable(
  'quote_drafts',
  {
    quoteId: uuid('quote_id')
      .primaryKey()
      .references(() => quotes.id, { onDelete: 'cascade' }),
    /** The revision the draft started from; sending refuses a draft whose quote moved on meanwhile. */
    baseRevision: integer('base_revision').notNull(),
    configuration: jsonb('configuration').$type<Configuration>().notNull(),
    /** Custom lines and discounts. */
    changes: jsonb('changes').$type<StaffChanges>().notNull(),
    /** Whose limit the discounts are held to: the role of the last person who saved the draft. */
    editorRole: text('editor_role').$type<StaffRole>().notNull(),
    approval: text('approval').$type<DraftApproval>().notNull(),
    /** The manager who approved or refused the discounts, while the draft is as they saw it. */
    decidedBy: uuid('decided_by').references(() => staffAccounts.id, { onDelete: 'set null' }),
    updatedBy: uuid('updated_by').references(() => staffAccounts.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [check('quote_drafts_approval_check', sql`${t.approval} in ('not_needed', 'requested', 'approved', 'refused')`)],
);

export const requests = pgTable(
  'requests',
  {
    id: uuid('id').primaryKey(),
    /** What the customer quotes on the phone: NG-7K4M2Q. */
    reference: text('reference').notNull().unique(),
    kind: text('kind').$type<'installation' | 'service'>().notNull(),
    /** Where the lead stands in the pipeline (domain/pipeline); every request starts as `new`, and only `transition` moves it. */
    status: text('status').$type<PipelineState>().notNull().default('new'),
    /** The staff account working the request; null while nobody has taken it (every sales user sees it then). */
    assignedTo: uuid('assigned_to').references(() => staffAccounts.id, { onDelete: 'set null' }),
    /** Why the lead was lost, while it is `lost`; cleared when it is reopened (the timeline keeps every reason). */
    lostReason: text('lost_reason'),
    quoteId: uuid('quote_id').references(() => quotes.id, { onDelete: 'set null' }),
    contactName: text('contact_name').notNull(),
    contactEmail: text('contact_email').notNull(),
    contactPhone: text('contact_phone'),
    /** One per site; a business site's may carry its site contact and preferred visit times. */
    addresses: jsonb('addresses').$type<SiteAddress[]>().notNull(),
    preferredWindows: jsonb('preferred_windows').$type<PreferredWindow[]>().notNull(),
    notes: text('notes'),
    /** Business installations: the business, its billing contact, PO number and what it asked for next. */
    company: text('company'),
    billingName: text('billing_name'),
    billingEmail: text('billing_email'),
    purchaseOrder: text('purchase_order'),
    nextStep: text('next_step').$type<NextStep>(),
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
    check('requests_next_step_check', sql`${t.nextStep} in ('formal-quote', 'book-installation')`),
    check('requests_status_check', sql`${t.status} in ('new', 'contacted', 'quote_sent', 'viewed', 'changes_requested', 'accepted', 'deposit_paid', 'scheduled', 'installed', 'lost')`),
    index('requests_created_at_idx').on(t.createdAt),
    index('requests_status_idx').on(t.status),
    index('requests_assigned_to_idx').on(t.assignedTo),
  ],
);

/**
 * Short share links (`/c/<id>`): a configuration kept under an unguessable id, so a link fits in a
 * text message. Only the configuration as its schema reads it is stored: no name, address or
 * contact detail (the route refuses a body that carries any).
 */
export const shortLinks = pgTable(
  'short_links',
  {
    /** At least 128 random bits, base64url (quotes/public-id.ts). */
    id: text('id').primaryKey(),
    configuration: jsonb('configuration').$type<Configuration>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('short_links_created_at_idx').on(t.createdAt)],
);

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

/** `dead`: a dead letter, given up on after the settings' `outbox.maxAttempts` tries; kept, not tried again until staff retry it. */
export const outboxStatuses = ['pending', 'sent', 'logged', 'dead'] as const;
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
    /** Files sent with the message, e.g. the installation's invite.ics. */
    attachments: jsonb('attachments').$type<MailAttachment[]>().notNull().default([]),
    status: text('status').$type<OutboxStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set while one server instance delivers the row, so another one leaves it alone. */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** When it became a dead letter: its retention period counts from here. */
    deadAt: timestamp('dead_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    check('outbox_status_check', sql`${t.status} in ('pending', 'sent', 'logged', 'dead')`),
    index('outbox_due_idx').on(t.status, t.nextAttemptAt),
  ],
);

/**
 * The deposit asked for when a quote revision is accepted: paid online through Stripe Checkout (one
 * row per Checkout Session) or recorded by staff when taken another way. The amount is always the
 * stored revision's, worked out by the server.
 */
export const deposits = pgTable(
  'deposits',
  {
    id: uuid('id').primaryKey(),
    quoteId: uuid('quote_id')
      .notNull()
      .references(() => quotes.id, { onDelete: 'cascade' }),
    revision: integer('revision').notNull(),
    amountCents: cents('amount_cents').notNull(),
    currency: text('currency').notNull(),
    method: text('method').$type<'stripe' | 'offline'>().notNull(),
    status: text('status').$type<DepositStatus>().notNull(),
    /** Which try this is for the revision: a new Checkout Session after one expired gets the next number (and a new idempotency key). */
    attempt: integer('attempt').notNull().default(1),
    checkoutSessionId: text('checkout_session_id').unique(),
    checkoutUrl: text('checkout_url'),
    /** When the Checkout Session stops taking payment; until then a second click reopens it. */
    checkoutExpiresAt: timestamp('checkout_expires_at', { withTimezone: true }),
    paymentIntentId: text('payment_intent_id'),
    refundedCents: cents('refunded_cents').notNull().default(0),
    /** Staff who recorded an offline payment or made a refund. */
    recordedBy: uuid('recorded_by'),
    note: text('note'),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('deposits_status_check', sql`${t.status} in ('open', 'processing', 'paid', 'failed', 'expired', 'refunded')`),
    check('deposits_method_check', sql`${t.method} in ('stripe', 'offline')`),
    check('deposits_amount_check', sql`${t.amountCents} >= 0 and ${t.refundedCents} >= 0 and ${t.refundedCents} <= ${t.amountCents}`),
    unique('deposits_quote_revision_attempt_unique').on(t.quoteId, t.revision, t.attempt),
  ],
);

/** Every Stripe event taken in, by its id: Stripe sends an event at least once, and a replay must change nothing. */
export const stripeEvents = pgTable('stripe_events', {
  id: text('id').primaryKey(),
  type: text('type').notNull(),
  /** The Checkout Session, payment intent or refund it was about. */
  objectId: text('object_id'),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Who did something on a request or quote: the customer (on the quote link), a staff user, or the server itself. */
export const timelineActors = ['customer', 'staff', 'system'] as const;

/**
 * Everything that happened to a request or its quote, in order: submitted, viewed, revised, mailed,
 * accepted, paid, scheduled… The staff portal shows it as the timeline; nothing reads it to decide.
 */
export const timelineEvents = pgTable(
  'timeline_events',
  {
    id: uuid('id').primaryKey(),
    quoteId: uuid('quote_id').references(() => quotes.id, { onDelete: 'cascade' }),
    requestId: uuid('request_id').references(() => requests.id, { onDelete: 'cascade' }),
    /** What happened, e.g. `quote.viewed`, `quote.accepted`, `deposit.paid` (server/timeline/kinds.ts). */
    kind: text('kind').notNull(),
    actor: text('actor').$type<(typeof timelineActors)[number]>().notNull(),
    /** The staff user, when a staff user did it. */
    staffId: uuid('staff_id'),
    /** What the timeline shows beside it (revision number, amount, reason…); never a secret. */
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    check('timeline_events_actor_check', sql`${t.actor} in ('customer', 'staff', 'system')`),
    check('timeline_events_subject_check', sql`${t.quoteId} is not null or ${t.requestId} is not null`),
    index('timeline_events_quote_idx').on(t.quoteId, t.createdAt),
    index('timeline_events_request_idx').on(t.requestId, t.createdAt),
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

/** What a view records of the browser: its family only, never the full user agent or the address. */
export const viewAgents = ['chrome', 'edge', 'firefox', 'safari', 'other'] as const;
export type ViewAgent = (typeof viewAgents)[number];

/**
 * Each time a customer's browser showed a quote revision for a few seconds (once per visit, never
 * for staff or known bots). No address and no full user agent: the revision, the time and the
 * browser family are all a view keeps. Staff read first and last viewed and the count per revision.
 */
export const quoteViews = pgTable(
  'quote_views',
  {
    id: uuid('id').primaryKey(),
    quoteId: uuid('quote_id')
      .notNull()
      .references(() => quotes.id, { onDelete: 'cascade' }),
    revision: integer('revision').notNull(),
    agent: text('agent').$type<ViewAgent>().notNull(),
    viewedAt: timestamp('viewed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('quote_views_agent_check', sql`${t.agent} in ('chrome', 'edge', 'firefox', 'safari', 'other')`),
    check('quote_views_revision_check', sql`${t.revision} >= 1`),
    index('quote_views_quote_revision_idx').on(t.quoteId, t.revision),
  ],
);

/**
 * The customer's signature on a quote revision: at most one per quote (the unique quote id), so a
 * double submit or a second tab records one acceptance. It ties the signature to the exact record
 * (the SHA-256 of the revision's snapshot as stored) and keeps the evidence ESIGN and UETA ask for.
 */
export const quoteAcceptances = pgTable('quote_acceptances', {
  id: uuid('id').primaryKey(),
  quoteId: uuid('quote_id')
    .notNull()
    .unique()
    .references(() => quotes.id, { onDelete: 'cascade' }),
  revision: integer('revision').notNull(),
  /** Hex SHA-256 of the revision snapshot's JSON as stored. */
  snapshotSha256: text('snapshot_sha256').notNull(),
  /** The option picked (today the quote's one configuration). */
  option: text('option').notNull(),
  addOns: jsonb('add_ons').$type<string[]>().notNull().default([]),
  /** The signature: the full name as typed. */
  fullName: text('full_name').notNull(),
  clientAddress: text('client_address'),
  userAgent: text('user_agent'),
  acceptedAt: timestamp('accepted_at', { withTimezone: true }).notNull().defaultNow(),
});

export const bookingStatuses = ['held', 'confirmed', 'canceled'] as const;
export type BookingStatus = (typeof bookingStatuses)[number];

/** An installation window a customer picked on the quote link: held while the deposit is paid, then confirmed. */
export const bookings = pgTable(
  'bookings',
  {
    id: uuid('id').primaryKey(),
    quoteId: uuid('quote_id')
      .notNull()
      .references(() => quotes.id, { onDelete: 'cascade' }),
    crewId: text('crew_id').notNull(),
    /** Every day on site, the installer's calendar. */
    days: jsonb('days').$type<string[]>().notNull(),
    window: text('window').$type<'morning' | 'afternoon' | 'whole-days'>().notNull(),
    status: text('status').$type<BookingStatus>().notNull(),
    /** Until when a held window waits for its deposit; past it the hold is released. */
    heldUntil: timestamp('held_until', { withTimezone: true }),
    /** The invite's SEQUENCE: one more at each reschedule and at the cancellation. */
    sequence: integer('sequence').notNull().default(0),
    /** The sequence whose reminder was queued: a move raises the sequence, so the new date gets its own reminder. */
    remindedSequence: integer('reminded_sequence'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('bookings_status_check', sql`${t.status} in ('held', 'confirmed', 'canceled')`), index('bookings_quote_idx').on(t.quoteId)],
);

/**
 * The crew half-days a booking takes, one row each. The unique (crew, date, half) is what makes
 * double booking impossible, across any number of server instances: the second insert fails.
 */
export const bookingUnits = pgTable(
  'booking_units',
  {
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => bookings.id, { onDelete: 'cascade' }),
    crewId: text('crew_id').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    half: text('half').$type<'morning' | 'afternoon'>().notNull(),
  },
  (t) => [unique('booking_units_crew_date_half_unique').on(t.crewId, t.date, t.half), check('booking_units_half_check', sql`${t.half} in ('morning', 'afternoon')`)],
);

/**
 * A finished installation, recorded by staff with "Mark installed": one per quote. It keeps the day
 * (the installer's calendar) and what was fitted per site, which may differ from the accepted
 * revision; the customer's quote link shows the system from it, with warranties counted from the day.
 */
export const installations = pgTable('installations', {
  quoteId: uuid('quote_id')
    .primaryKey()
    .references(() => quotes.id, { onDelete: 'cascade' }),
  /** The accepted revision the work followed. */
  revision: integer('revision').notNull(),
  installedOn: date('installed_on', { mode: 'string' }).notNull(),
  fitted: jsonb('fitted').$type<FittedSite[]>().notNull(),
  note: text('note'),
  recordedBy: uuid('recorded_by'),
  createdAt: createdAt(),
});
