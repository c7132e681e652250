import { z } from 'zod';
import { depositBases } from '../acceptance/deposit';
import { bookingSettingsSchema } from '../scheduling/booking-settings';
import type { StaffRole } from '../staff/roles';

/**
 * The installer's business and pricing settings, one data file (src/data/settings/settings.yaml).
 * Every number the estimate uses lives here or in the catalog, so it can be tuned without code.
 */

const cents = z.number().int().nonnegative();
const percent = z.number().min(0).max(100);
/** Widening of an estimate range, in percent of the amount it applies to. */
const widening = z.number().min(0).max(300);

/** How an on-site condition changes wired labor: longer on average and a wider high end. */
const condition = z.object({
  /** Shown beside every line it affects: "Finished walls: cable has to be fished". */
  label: z.string().min(3).max(120),
  /** Extra time on wired installs, in percent. */
  laborPercent: z.number().min(0).max(200),
  /** How much further the high end of the range reaches, in percent. */
  spreadHighPercent: widening,
});


const travelZone = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(2),
  /** Postal codes starting with any of these belong to the zone. */
  postalPrefixes: z.array(z.string().min(1).max(10)).min(1),
  /** Added to the catalog's travel price for every technician-day in this zone. */
  extraPerTechnicianDayCents: cents,
});

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export const settingsSchema = z
  .object({
    company: z.object({
      name: z.string().min(2),
      phone: z.string().min(5),
      email: z.email(),
      address: z.string().min(5),
      licence: z.string().min(2),
      serviceArea: z.string().min(5),
      /** Starts every request reference (NG-7K4M2Q), so customers recognise it: 2–4 capital letters. */
      referencePrefix: z.string().regex(/^[A-Z]{2,4}$/, 'Use 2 to 4 capital letters, e.g. NG'),
    }),
    /** IANA time zone of the office, e.g. America/Los_Angeles: quote dates and validity count its calendar days. */
    timeZone: z.string().refine(isTimeZone, 'Not a time zone Intl knows; use an IANA name such as America/Los_Angeles'),
    /** BCP 47 locale for numbers, dates and money, e.g. en-US. */
    locale: z.string().min(2),
    /** ISO 4217 currency code. */
    currency: z.string().length(3),
    /** Units customers type and read: imperial (ft, sq ft) or metric. Stored values are metric. */
    units: z.enum(['imperial', 'metric']),
    tax: z.object({
      /** Sales tax on equipment and materials, percent (up to 4 decimals). */
      equipmentPercent: percent,
      /** Tax on labor, services and travel, percent. Permits are passed through untaxed. */
      laborPercent: percent,
    }),
    labor: z.object({
      residentialHourlyCents: cents,
      commercialHourlyCents: cents,
      /** Labor is billed in steps of this many minutes (each end rounded up), so hours × rate is the amount. */
      billingIncrementMinutes: z.number().int().min(1).max(60),
    }),
    /**
     * Electrified locks (maglocks, electric strikes, electrified levers) on egress doors: where the
     * town or the fire marshal reviews them, one permit line per site that has any.
     */
    egressLockPermit: z.object({
      /** Whether the estimate adds the line at all (some towns ask nothing). */
      required: z.boolean(),
      /** The expected fee, passed on at cost and untaxed. */
      priceCents: cents,
      /** How much higher the town's fee can turn out, in percent. */
      spreadHighPercent: widening,
      /** The line's name on the estimate and the quote. */
      label: z.string().min(3).max(120),
    }),
    /** The least the work on a site (labor, services and travel) is billed at, before tax. */
    minimumChargeCents: cents,
    travel: z.object({
      /** Catalog service (role travel) priced per technician-day on site. */
      productId: z.string().min(1),
      zones: z.array(travelZone).min(1),
      /** Zone assumed when the postal code is missing or outside every zone. */
      fallbackZone: z.string(),
      /** Extra width of the travel line when the zone had to be assumed. */
      unknownZoneSpreadHighPercent: widening,
    }),
    spread: z.object({
      /** How far below the central figure the low end of labor and materials sits. */
      lowPercent: z.number().min(0).max(50),
      /** How far above it the high end sits before any condition widens it. */
      highPercent: widening,
      /** The reason shown for that spread on labor lines. */
      label: z.string().min(3).max(120),
    }),
    siteConditions: z.object({
      wiringAccess: z.object({
        open: condition,
        partial: condition,
        finished: condition,
        unknown: condition,
      }),
      /** Ceilings higher than this need taller ladders or a lift. */
      highCeilingAboveM: z.number().positive(),
      highCeiling: condition,
      /** Each storey above the second adds a little to every wired run. */
      perExtraStorey: condition,
    }),
    cableRuns: z.object({
      /** Average run length: base + per storey above the first + factor × √(floor area in m²). */
      baseM: z.number().min(0),
      perStoreyM: z.number().min(0),
      perSqrtAreaM: z.number().min(0),
      /** Hard-wired interconnected alarms daisy-chain: one run to the first, then a hop of this length to each next one. */
      daisyChainHopM: z.number().positive(),
      /** Uncertainty of the run length, in percent either way. */
      spreadPercent: z.number().min(0).max(100),
      label: z.string().min(3),
    }),
    reuse: z.object({
      /** Time to test and re-enrol a device the customer already owns, as a percent of a new install. */
      laborPercent: percent,
      /** Wider high end for reused devices (age and compatibility are unknown until on site). */
      spreadHighPercent: widening,
      label: z.string().min(3),
    }),
    crew: z.object({
      hoursPerDay: z.number().positive().max(12),
      /**
       * Largest crew by the hours of a site's work: the last row whose `fromHours` is reached applies.
       * Each row starts at a multiple of a full day of the crew before it (see estimate/duration.ts).
       */
      sizes: z
        .array(z.object({ fromHours: z.number().min(0), technicians: z.number().int().positive() }))
        .min(1),
    }),
    /** Days a quote's prices are held. */
    quoteValidityDays: z.number().int().positive().max(365),
    /** Seconds the quote page must stay in view before it counts as seen by the customer (the staff portal's "viewed"). */
    quoteViewSeconds: z.number().int().min(1).max(60).default(5),
    /** Deposit asked for when a quote is accepted, percent of the one-time total. */
    depositPercent: percent,
    /** Which figure of the one-time range the deposit percent applies to, said beside the amount. */
    depositBasis: z.enum(depositBases),
    /** Crews, working days and lead times for booking an installation online. */
    booking: bookingSettingsSchema,
    /**
     * How far staff may discount a quote without someone approving it (src/domain/quote-revisions/discounts.ts).
     * The catalog carries selling prices only, no costs, so the margin floor is a share of list price.
     */
    discounts: z.object({
      /** The most a line may be discounted (its own discount and its share of the quote's together), percent of its list price, by staff role. */
      limits: z.object({
        sales: z.object({ maxPercent: percent }),
        manager: z.object({ maxPercent: percent }),
        admin: z.object({ maxPercent: percent }),
      } satisfies Record<StaffRole, unknown>),
      /** Equipment is never sold below this percent of its list price after every discount without approval: the margin floor. */
      equipmentFloorPercentOfList: percent,
    }),
    /** Requests per page of the staff pipeline (/staff). */
    pipelinePageSize: z.number().int().min(5).max(200),
    /** What the privacy notice (/privacy) tells customers about their details. */
    privacy: z.object({
      /** Where customers ask to see, correct or delete what we hold about them. */
      contactEmail: z.email(),
      /** Months a request, its quote, its contact details and a short share link are kept; the server deletes them after (server/privacy). */
      requestRetentionMonths: z.number().int().positive().max(120),
      /** Days the copy of each confirmation and notification mail is kept after it is sent; the server deletes it after. */
      mailRetentionDays: z.number().int().positive().max(3650),
      /** Days a message the outbox gave up on (a dead letter) is kept for staff to retry, after its last try; the server deletes it after. */
      deadLetterRetentionDays: z.number().int().positive().max(3650),
    }),
    /** How the outbox retries mail the mail server did not take (server/mail/outbox.ts); the first delay is OUTBOX_RETRY_SECONDS. */
    outbox: z.object({
      /** Tries before a message becomes a dead letter: kept, no longer tried, until staff retry it. */
      maxAttempts: z.number().int().min(1).max(100),
      /** Each delay doubles the one before, up to this many first delays. */
      maxDelayMultiple: z.number().int().min(1).max(10_000),
    }),
    /** Who answers accessibility problems reported through the accessibility statement (/accessibility). */
    accessibility: z.object({
      contactEmail: z.email(),
      /** Business days within which a reported barrier gets a reply. */
      replyWithinBusinessDays: z.number().int().positive().max(30),
    }),
  })
  .superRefine((s, ctx) => {
    if (!s.travel.zones.some((zone) => zone.id === s.travel.fallbackZone)) {
      ctx.addIssue({ code: 'custom', path: ['travel', 'fallbackZone'], message: `no travel zone has the id "${s.travel.fallbackZone}"` });
    }
    const rows = s.crew.sizes;
    if (rows[0]?.fromHours !== 0) {
      ctx.addIssue({ code: 'custom', path: ['crew', 'sizes', 0, 'fromHours'], message: 'the first crew size must start at 0 hours' });
    }
    rows.forEach((row, i) => {
      const previous = rows[i - 1];
      if (previous && (row.fromHours <= previous.fromHours || row.technicians < previous.technicians)) {
        ctx.addIssue({
          code: 'custom',
          path: ['crew', 'sizes', i],
          message: 'crew sizes must grow with hours: sort rows by fromHours and never shrink the crew',
        });
      }
      // A bigger crew may only start where the smaller one has worked whole days, or more work could book fewer technician-days.
      if (previous && row.fromHours % (previous.technicians * s.crew.hoursPerDay) !== 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['crew', 'sizes', i, 'fromHours'],
          message: `must be a whole number of the previous crew's days (a multiple of ${previous.technicians} × ${s.crew.hoursPerDay} hours)`,
        });
      }
    });
    const { sales, manager, admin } = s.discounts.limits;
    if (sales.maxPercent > manager.maxPercent || manager.maxPercent > admin.maxPercent) {
      ctx.addIssue({ code: 'custom', path: ['discounts', 'limits'], message: 'limits must not shrink from sales to manager to admin' });
    }
    // Reusing a device must never cost more than installing a new one, even at the high end.
    if (s.reuse.laborPercent * (100 + s.reuse.spreadHighPercent) > 100 * 100) {
      ctx.addIssue({
        code: 'custom',
        path: ['reuse'],
        message: 'laborPercent × (1 + spreadHighPercent) must stay at or below 100 % so reuse never raises a price',
      });
    }
  });

export type Settings = z.infer<typeof settingsSchema>;
