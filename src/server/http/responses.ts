import { z } from 'zod';
import { productSchema } from '~/domain/catalog/product';
import { systems } from '~/domain/catalog/roles';
import type { Check } from '~/domain/checks/check';
import { audiences, configurationSchema } from '~/domain/configuration/configuration';
import type { CheckedResult } from '~/domain/configuration/link';
import type { Estimate } from '~/domain/estimate/estimate';
import { budgetStatuses, type PhaseTotal } from '~/domain/estimate/phases';
import { packageTiers } from '~/domain/recommend/need';
import type { PackageContents } from '~/domain/recommend/priced';
import { requestKinds } from '~/domain/requests/request';
import { settingsSchema } from '~/domain/settings/settings';

/**
 * What the API answers, as zod schemas: the OpenAPI document publishes them (io: 'output') and the
 * routes build their bodies as the types inferred here. The estimate and the checks are computed by
 * the domain as plain TypeScript types; `sameType` below makes a change to either that the schema
 * does not follow fail type-checking.
 */

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Compiles only when the schema's type and the domain's type are the same. */
function sameType<A, B>(proof: Same<A, B>): void {
  void proof;
}

const cents = z.number().int().min(0).describe('An amount in cents (USD)');
const isoDate = z.iso.date();
const rangeSchema = z.object({ low: cents, high: cents }).describe('A low–high pair of amounts in cents; low ≤ high');

const driverSchema = z.object({
  label: z.string(),
  laborPercent: z.number().describe('Extra labor time it adds, percent'),
  highPercent: z.number().describe('How much further the high end of the range reaches, percent'),
  hours: z
    .object({ higher: z.number(), lower: z.number() })
    .optional()
    .describe("On labor lines: this driver's own share of the billed hours; the shares add up to the line's hours"),
});

const durationSchema = z.object({
  hours: z.object({ low: z.number(), high: z.number() }).describe('Person-hours on site, at each end'),
  technicians: z.object({ low: z.number().int(), high: z.number().int() }).describe('Technicians in the crew, at each end'),
  days: z.object({ low: z.number(), high: z.number() }).describe('Working days the crew is on site, at each end'),
});

const estimateLineSchema = z.object({
  kind: z.enum(['equipment', 'service', 'permit', 'labor', 'materials', 'travel']),
  taxClass: z.enum(['equipment', 'labor', 'exempt']),
  label: z.string(),
  reason: z.string().describe('Why the line is there, with the numbers behind it'),
  amount: rangeSchema,
  drivers: z.array(driverSchema).describe('What widened the range, empty when the amount is exact'),
  productId: z.string().optional(),
  model: z.string().optional(),
  system: z.enum(systems).optional(),
  quantity: z.number().int().optional(),
  reused: z.number().int().optional().describe('Units the customer already owns that are reused, not charged as equipment'),
  unitCents: cents.optional(),
  hours: z.object({ low: z.number(), high: z.number() }).optional().describe('Labor lines: billed hours at each end, so hours × unitCents is the amount'),
});

const planTermsSchema = z.object({
  productId: z.string(),
  name: z.string(),
  monthlyCents: cents,
  termMonths: z.number().int().describe('Contract months; 0 is month to month'),
  monthsCounted: z.number().int(),
  startDate: isoDate,
  endDate: isoDate.nullable().describe('Last day of the contract; null for month to month'),
  cancellation: z.string(),
  earlyTerminationPercent: z.number(),
  totalOverTerm: rangeSchema,
});

const siteEstimateSchema = z.object({
  siteId: z.string(),
  name: z.string(),
  lines: z.array(estimateLineSchema),
  subtotal: rangeSchema,
  minimumTopUp: z.object({ atLow: cents, atHigh: cents }),
  tax: rangeSchema,
  oneTime: rangeSchema,
  duration: durationSchema,
  travelZone: z.object({ id: z.string(), name: z.string(), assumed: z.boolean() }),
  plan: planTermsSchema.nullable(),
});

export const estimateSchema = z.object({
  currency: z.string(),
  locale: z.string(),
  sites: z.array(siteEstimateSchema),
  subtotal: rangeSchema,
  tax: rangeSchema,
  oneTime: rangeSchema,
  monthlyCents: cents,
  totalOverTerm: rangeSchema.describe("One-time total plus every site's monthly fees over its counted months"),
  duration: durationSchema,
});
sameType<z.infer<typeof estimateSchema>, Estimate>(true);

const siteIdAndProduct = { siteId: z.string(), productId: z.string() };
export const checkSchema = z.object({
  id: z.string(),
  siteId: z.string(),
  system: z.enum(systems),
  topic: z.enum(['camera-view', 'recording', 'network', 'cabling', 'life-safety', 'intrusion', 'access', 'requirement']),
  status: z.enum(['pass', 'warning', 'problem']),
  title: z.string(),
  detail: z.string(),
  suggestion: z
    .object({
      label: z.string(),
      change: z.discriminatedUnion('action', [
        z.object({ action: z.literal('swap'), ...siteIdAndProduct, lineIndex: z.number().int() }),
        z.object({ action: z.literal('add'), ...siteIdAndProduct, quantity: z.number().int(), reason: z.string() }),
        z.object({ action: z.literal('quantity'), siteId: z.string(), lineIndex: z.number().int(), quantity: z.number().int() }),
      ]),
    })
    .optional()
    .describe('A one-click change that fixes it, where there is one'),
});
sameType<z.infer<typeof checkSchema>, Check>(true);

const pricedOn = isoDate.describe("The installer's calendar day the prices are from");
const checks = z.array(checkSchema).describe('Engineering checks of the configuration');

export const pricedConfigurationSchema = z.object({ pricedOn, estimate: estimateSchema, checks });
export type PricedConfiguration = z.infer<typeof pricedConfigurationSchema>;

const packageContentsSchema = z
  .object({
    items: z.number().int().min(0).describe('Devices installed (units of equipment, not services)'),
    mainItems: z.array(z.object({ name: z.string(), quantity: z.number().int().min(1) })).describe('The biggest items by what they cost, then by units, then by name'),
  })
  .describe('What the package holds, in the catalog’s names');
sameType<z.infer<typeof packageContentsSchema>, PackageContents>(true);

const recommendedPackageSchema = z.object({ configuration: configurationSchema, estimate: estimateSchema, checks, contents: packageContentsSchema });

export const recommendationSchema = z.object({
  pricedOn,
  recommendation: z.object({
    audience: z.enum(audiences),
    start: z.enum(packageTiers).describe("The package matching the customer's budget leaning, shown first"),
    packages: z.object(Object.fromEntries(packageTiers.map((tier) => [tier, recommendedPackageSchema])) as Record<(typeof packageTiers)[number], typeof recommendedPackageSchema>),
  }),
});
export type RecommendationAnswer = z.infer<typeof recommendationSchema>;

export const phaseTotalSchema = z.object({
  phase: z.number().int().min(1).nullable().describe('1-based phase number; null for the lines not yet in a phase'),
  name: z.string(),
  budgetCents: cents,
  oneTime: rangeSchema.describe("The phase's one-time total with tax, priced as a visit of its own"),
  units: z.number().int().describe("Units on the phase's lines, across sites"),
  status: z.enum(budgetStatuses),
});
sameType<z.infer<typeof phaseTotalSchema>, PhaseTotal>(true);

const issueSchema = z.object({ path: z.array(z.union([z.string(), z.number().int()])), message: z.string() });
export const checkedConfigurationSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    configuration: configurationSchema,
    pricedOn,
    estimate: estimateSchema,
    phaseTotals: z.array(phaseTotalSchema).describe('Each phase against its budget, then the lines in no phase; empty without phases'),
    checks,
  }),
  z.object({
    ok: z.literal(false),
    reason: z.enum(['unsupported-version', 'damaged', 'invalid', 'unavailable']),
    message: z.string(),
    issues: z.array(issueSchema).describe('Each problem with its path in the configuration'),
  }),
]);
sameType<z.infer<typeof checkedConfigurationSchema>, CheckedResult>(true);
export type CheckedConfiguration = z.infer<typeof checkedConfigurationSchema>;

const { company, locale, currency, units, tax, quoteValidityDays, depositPercent } = settingsSchema.shape;
const publicSettings = z.object({ company, locale, currency, units, tax, quoteValidityDays, depositPercent });
export const catalogAnswerSchema = z.object({
  products: z.array(z.intersection(z.object({ id: z.string() }), productSchema)),
  settings: publicSettings,
});
export type CatalogAnswer = z.infer<typeof catalogAnswerSchema>;

export const requestReceivedSchema = z.object({
  reference: z.string().describe('Read it out when you call us: the company prefix and six symbols'),
  kind: z.enum(requestKinds),
  status: z.literal('received'),
  receivedAt: z.iso.datetime(),
  replayed: z.boolean().describe('True when this answers a retry with an Idempotency-Key already stored'),
  quote: z
    .object({ id: z.string(), url: z.url(), pricedOn: isoDate, validUntil: isoDate, estimate: estimateSchema })
    .nullable()
    .describe('The saved quote of an attached configuration; null without one'),
});
export type RequestReceived = z.infer<typeof requestReceivedSchema>;

export const shortLinkCreatedSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{24}$/).describe('144 random bits, base64url: the link is the only key to the configuration'),
  path: z.string().describe('"/c/" and the id: GET it to open the configurator with the configuration'),
  url: z.url().describe('The same, absolute'),
});
export type ShortLinkCreated = z.infer<typeof shortLinkCreatedSchema>;

const fieldErrorSchema = z.object({
  path: z.string().describe('Dotted path from the body\'s root, "" for the body itself; the header name for a header'),
  pointer: z.string().describe('The same place as a JSON Pointer (RFC 6901)'),
  message: z.string(),
  in: z.literal('header').optional(),
});

export const problemSchema = z
  .looseObject({
    type: z.string().describe('GET it for what the problem means'),
    title: z.string(),
    status: z.number().int().min(400).max(599),
    detail: z.string(),
    errors: z.array(fieldErrorSchema).optional().describe('Every bad field (validation-error)'),
    retryAfterSeconds: z.number().int().optional().describe('rate-limited: seconds to wait, also in Retry-After'),
    limitBytes: z.number().int().optional().describe('payload-too-large: the largest body accepted'),
  })
  .describe('RFC 9457 problem details');
export type ProblemBody = z.infer<typeof problemSchema>;

export const problemTypeSchema = z.object({ type: z.string(), status: z.number().int(), title: z.string(), description: z.string() });

export const schemaIndexSchema = z.object({
  schemas: z.array(z.object({ name: z.string(), description: z.string(), url: z.url() })),
});

export const healthSchema = z.object({ status: z.literal('ok').describe('The process answers') });

const dependencyCheck = z.enum(['ok', 'failed']);
export const readinessSchema = z.object({
  status: z
    .enum(['ready', 'starting', 'stopping', 'unavailable'])
    .describe('ready (200); otherwise 503: starting (warming up), stopping (shutting down, finishing requests in flight) or unavailable (a dependency did not answer)'),
  checks: z.object({ database: dependencyCheck, redis: dependencyCheck.optional().describe('Only when REDIS_URL is set') }).optional().describe('Each dependency asked; absent while starting or stopping'),
  failed: z.array(z.enum(['database', 'redis'])).optional().describe('The dependencies that did not answer'),
});
export type Readiness = z.infer<typeof readinessSchema>;
