import * as z from 'zod/mini';
import type { Catalog } from '../catalog/catalog';
import type { Product } from '../catalog/product';
import { isInstalled } from '../catalog/guards';
import type { Issue } from '../issues';
import { siteRequirements } from '../premises/vocabulary';
import { numberBetween, postalCode, printable, trimmedText, viewPurpose, wellFormed, wholeNumber } from '../schema';
import { assumableConditions, wiringAccessOptions } from '../settings/vocabulary';

/**
 * A configuration is what the customer chose: per site, the products and quantities, the equipment
 * they already own and want reused, the site conditions and a monitoring plan. It is what the
 * configurator edits, the share link carries, the request stores and the estimate prices.
 */

const slug = z.string().check(z.regex(/^[a-z0-9-]{1,60}$/, 'use lowercase letters, digits and dashes'));

export const siteConditionsSchema = z.object({
  /** Storeys including a basement. */
  storeys: wholeNumber(1, 60, 'at least 1 story', 'at most 60 stories'),
  /** Total floor area in m². */
  floorAreaM2: numberBetween(10, 200_000, 'at least 10 m² (about 110 sq ft)', 'at most 200,000 m²'),
  /** Highest ceiling where devices are mounted, in metres. */
  ceilingHeightM: numberBetween(2, 20, 'at least 2 m (about 7 ft)', 'at most 20 m (about 65 ft)'),
  /** How easily cable reaches the walls and ceilings. */
  wiringAccess: z.enum(wiringAccessOptions),
  /** Bedrooms, for the smoke-alarm check (homes). */
  bedrooms: z.optional(wholeNumber(0, 50)),
  /** A furnace, boiler, water heater, fireplace or stove burning gas, oil or wood (CO alarms needed). */
  fuelBurning: z.optional(z.boolean()),
  /** A garage attached to the building (CO and heat alarms). */
  attachedGarage: z.optional(z.boolean()),
  /** Exits to the outside, for pull stations and door contacts (businesses). */
  exits: z.optional(wholeNumber(0, 500)),
  /** Decides the travel zone; optional until the customer gives an address. */
  postalCode: z.optional(postalCode),
  /** Conditions the customer never gave: the typical figure stands in, shown as an assumption to confirm or change. */
  assumed: z.optional(z.array(z.enum(assumableConditions)).check(z.maxLength(assumableConditions.length))),
  /** Compliance or insurer requirements the business stated; the checks hold the design to them. */
  requirements: z.optional(z.array(z.enum(siteRequirements)).check(z.maxLength(siteRequirements.length))),
});
export type SiteConditions = z.infer<typeof siteConditionsSchema>;

/** What one camera of a line must see: the engineering check compares it with the camera chosen. */
export const viewSchema = z.object({
  label: trimmedText(1, 60, 'name the view'),
  purpose: viewPurpose,
  /** Distance from the camera to the target, in metres. */
  distanceM: numberBetween(0.5, 300, 'at least 0.5 m (about 2 ft)', 'at most 300 m (about 980 ft)'),
});
export type View = z.infer<typeof viewSchema>;

/** The most units one line holds; more of one product take several lines. */
export const MAX_LINE_QUANTITY = 500;

export const lineSchema = z
  .object({
    productId: slug,
    quantity: wholeNumber(1, MAX_LINE_QUANTITY),
    /** How many of `quantity` the customer already owns and wants reused. */
    reused: z._default(wholeNumber(0, MAX_LINE_QUANTITY, 'cannot be negative'), 0),
    /** How it is installed when the product can be either; its default otherwise. */
    connection: z.optional(z.enum(['wired', 'wireless'])),
    /** Why it is in the configuration, in plain words (from a rule or the customer). */
    reason: z.optional(z.string().check(z.trim(), z.maxLength(400, 'at most 400 characters'), printable(), wellFormed())),
    /** The quantity the recommendation gave, so the reason can say when the customer changed it. */
    recommended: z.optional(wholeNumber(1, 500)),
    /** Installation phase (1-based), for businesses splitting work. */
    phase: z.optional(wholeNumber(1, 12)),
    /** For cameras: what each one must see. */
    view: z.optional(viewSchema),
  })
  .check(z.refine((line) => line.reused <= line.quantity, { path: ['reused'], message: 'cannot reuse more units than the quantity' }));
export type Line = z.infer<typeof lineSchema>;
export type LineInput = z.input<typeof lineSchema>;

export const siteSchema = z.object({
  id: slug,
  name: trimmedText(1, 80, 'give the site a name'),
  conditions: siteConditionsSchema,
  lines: z.array(lineSchema).check(z.maxLength(300, 'at most 300 lines per site')),
  /** Monitoring plan product for this site, if any. */
  planId: z.optional(slug),
  /** How video is kept; the guidelines' defaults apply when absent. */
  recording: z.optional(
    z.object({
      retentionDays: wholeNumber(1, 365, 'at least 1 day', 'at most 365 days'),
      mode: z.enum(['continuous', 'motion']),
    }),
  ),
});
export type Site = z.infer<typeof siteSchema>;

export const phaseSchema = z.object({
  name: trimmedText(1, 60, 'give the phase a name'),
  /** Budget the customer set for the phase, in cents (0 = none). */
  budgetCents: z._default(wholeNumber(0, 1_000_000_000), 0),
});

export const audiences = ['home', 'business'] as const;
export type Audience = (typeof audiences)[number];

export const configurationSchema = z
  .object({
    audience: z.enum(audiences),
    sites: z.array(siteSchema).check(z.minLength(1, 'at least one site'), z.maxLength(50, 'at most 50 sites')),
    phases: z._default(z.array(phaseSchema).check(z.maxLength(12, 'at most 12 phases')), []),
    /** Planned start, YYYY-MM-DD; monitoring terms run from it. */
    startDate: z.optional(z.iso.date()),
  })
  .check(
    z.superRefine((config, ctx) => {
      const seen = new Set<string>();
      config.sites.forEach((site, i) => {
        if (seen.has(site.id)) ctx.addIssue({ code: 'custom', path: ['sites', i, 'id'], message: 'two sites have this id' });
        seen.add(site.id);
        site.lines.forEach((line, j) => {
          if (line.phase !== undefined && line.phase > config.phases.length) {
            ctx.addIssue({ code: 'custom', path: ['sites', i, 'lines', j, 'phase'], message: `there is no phase ${line.phase}` });
          }
        });
      });
    }),
  );
export type Configuration = z.infer<typeof configurationSchema>;
export type ConfigurationInput = z.input<typeof configurationSchema>;

/** Products priced on their own (plans, cable, travel) never sit on a line; every other product can. */
export function canBeLine(product: Product): boolean {
  return product.type !== 'monitoring-plan' && product.type !== 'cable' && product.role !== 'travel';
}

/**
 * What the catalog decides about a configuration: every product must exist, lines hold installable
 * products or services, plans are plans, and a chosen connection must be one the product offers.
 */
export function catalogIssues(config: Configuration, catalog: Catalog): Issue[] {
  const issues: Issue[] = [];
  config.sites.forEach((site, i) => {
    site.lines.forEach((line, j) => {
      const path = ['sites', i, 'lines', j];
      const product = catalog.get(line.productId);
      if (!product) {
        issues.push({ path: [...path, 'productId'], message: `no product "${line.productId}" in the catalog` });
      } else if (!canBeLine(product)) {
        issues.push({ path: [...path, 'productId'], message: `"${product.name}" is priced automatically and cannot be a line` });
      } else if (line.connection && isInstalled(product) && product.install[`${line.connection}Minutes`] === undefined) {
        issues.push({ path: [...path, 'connection'], message: `"${product.name}" cannot be installed ${line.connection}` });
      } else if (line.reused > 0 && !isInstalled(product)) {
        issues.push({ path: [...path, 'reused'], message: `"${product.name}" is a service and cannot be reused` });
      }
    });
    if (site.planId !== undefined && catalog.get(site.planId)?.type !== 'monitoring-plan') {
      issues.push({ path: ['sites', i, 'planId'], message: `no monitoring plan "${site.planId}" in the catalog` });
    }
  });
  return issues;
}

/** The configuration schema with the catalog's checks added, for the server and the link decoder. */
export function configurationSchemaFor(catalog: Catalog) {
  return configurationSchema.check(
    z.superRefine((config, ctx) => {
      for (const issue of catalogIssues(config, catalog)) ctx.addIssue({ code: 'custom', ...issue });
    }),
  );
}
