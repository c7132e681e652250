import { z } from 'zod';
import type { Catalog } from '~/domain/catalog/catalog';
import { catalogIssues, configurationSchemaFor } from '~/domain/configuration/configuration';
import { premisesSchema } from '~/domain/premises/premises';
import { requestSchemasFor, WINDOW_HORIZON_DAYS } from '~/domain/requests/request';
import { viewReportSchema } from '../views/report-schema';
import { checkBody, estimateBodiesFor, shortLinkBodyFor } from './request-bodies';

/**
 * JSON Schemas of what the API accepts, generated from the same zod schemas that validate it, with
 * the catalog and today's date the server checks against, so the published contract says what the
 * server accepts. The zod schemas state what JSON Schema can say (lengths, patterns, formats, the
 * window of dates as a pattern); the catalog's product ids are added here as enums. What only code
 * can check (cross-field rules) is listed in each description. `io: 'input'` describes what a
 * client sends: defaults optional, before trimming.
 */

const crossFieldRules = [
  'sites have distinct ids',
  "a line's `reused` is at most its `quantity`, and 0 for services",
  "a line's `connection` is one its product offers",
  'a `phase` refers to one of `phases`',
];

const packagesRule = '"packages" (the three packages the assessment offered, when the configuration started from one) comes with a home configuration, each package for a home with the same sites in the same order; the quote then offers all three, priced by the server.';

function publishedFor(catalog: Catalog, today: string) {
  const requests = requestSchemasFor(catalog, today);
  const configurationRules = `Also checked: ${crossFieldRules.join('; ')}.`;
  return {
    configuration: {
      schema: configurationSchemaFor(catalog),
      description: `A configuration: sites, their conditions and lines, phases and a planned start. Every productId and planId is one of GET /api/catalog. ${configurationRules}`,
    },
    premises: {
      schema: premisesSchema,
      description: 'What the needs assessment learns: a home ("kind": "home") or a business with its sites ("kind": "business"). Every answer but the business sites has a default.',
    },
    'estimate-request': {
      schema: estimateBodiesFor(catalog).published,
      description: `Body of POST /api/estimate: a configuration to price, or premises to recommend three packages for (a body with "premises" is read as premises). Prices and totals are never accepted: the server computes them. ${configurationRules}`,
    },
    'check-request': {
      schema: checkBody,
      description: "Body of POST /api/configurations/check: a share code or a configuration to read with the schema and today's catalog.",
    },
    'short-link-request': {
      schema: shortLinkBodyFor(catalog),
      description: `Body of POST /api/short-links: the configuration to keep under a short link, and nothing else (no names or contact details). ${configurationRules}`,
    },
    request: {
      schema: requests.request,
      description: `Body of POST /api/requests: an installation or a service request, told apart by "kind". Preferred dates lie after today and within ${WINDOW_HORIZON_DAYS} days. An attached configuration has one address per site, in the same order; a business configuration needs "company" and "nextStep". ${packagesRule} ${configurationRules}`,
    },
    'installation-request': {
      schema: requests.installation,
      description: `An installation request (POST /api/requests with "kind": "installation"). One address per site of the configuration, in the same order (a siteId, when given, is that site's id). With a business configuration, "company" and "nextStep" are required. ${packagesRule} ${configurationRules}`,
    },
    'service-request': {
      schema: requests.service,
      description: 'A service request (POST /api/requests with "kind": "service").',
    },
    'view-report': {
      schema: viewReportSchema,
      description: 'Body of POST /api/quotes/{id}/views: the revision of the quote the page showed.',
    },
  } as const;
}

export type SchemaName = keyof ReturnType<typeof publishedFor>;
export const schemaNames: readonly SchemaName[] = ['configuration', 'premises', 'estimate-request', 'check-request', 'short-link-request', 'request', 'installation-request', 'service-request', 'view-report'];

export function isSchemaName(name: string): name is SchemaName {
  return (schemaNames as readonly string[]).includes(name);
}

type JsonSchema = { [key: string]: unknown };

/** Products a configuration line may hold and the monitoring plans, as the catalog check decides them. */
function catalogIds(catalog: Catalog) {
  const lineOf = (productId: string) => ({ audience: 'home' as const, phases: [], sites: [{ id: 's', name: 's', conditions: { storeys: 1, floorAreaM2: 100, ceilingHeightM: 2.4, wiringAccess: 'open' as const }, lines: [{ productId, quantity: 1, reused: 0 }] }] });
  const products = catalog.products.map((p) => p.id);
  return {
    lines: products.filter((id) => catalogIssues(lineOf(id), catalog).length === 0),
    plans: catalog.products.filter((p) => p.type === 'monitoring-plan').map((p) => p.id),
  };
}

/** Names the catalog's ids wherever a line's productId or a site's planId is asked for. */
function withCatalogIds(node: unknown, ids: ReturnType<typeof catalogIds>): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) return node.forEach((child) => withCatalogIds(child, ids));
  const schema = node as JsonSchema;
  const properties = schema.properties as Record<string, JsonSchema> | undefined;
  if (properties?.productId && properties.quantity) properties.productId.enum = ids.lines;
  if (properties?.planId && properties.lines) properties.planId.enum = ids.plans;
  Object.values(schema).forEach((child) => withCatalogIds(child, ids));
}

/** A zod schema as JSON Schema (draft 2020-12), with the catalog's ids. */
export function toJsonSchema(schema: z.core.$ZodType, io: 'input' | 'output', catalog?: Catalog): JsonSchema {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  if (catalog) withCatalogIds(json, catalogIds(catalog));
  return json;
}

let cache: { catalog: Catalog; today: string; schemas: Map<SchemaName, JsonSchema> } | undefined;

/** Every published schema for today, built once a day. */
export function publishedSchemas(catalog: Catalog, today: string): ReadonlyMap<SchemaName, JsonSchema> {
  if (cache?.catalog !== catalog || cache.today !== today) {
    const published = publishedFor(catalog, today);
    const schemas = new Map(schemaNames.map((name) => [name, { ...toJsonSchema(published[name].schema, 'input', catalog), title: name, description: published[name].description }]));
    cache = { catalog, today, schemas };
  }
  return cache.schemas;
}

export function jsonSchema(name: SchemaName, catalog: Catalog, today: string, base: string): object {
  return { ...publishedSchemas(catalog, today).get(name), $id: new URL(`/api/schema/${name}`, base).href };
}

export function schemaIndex(catalog: Catalog, today: string, base: string) {
  const schemas = publishedSchemas(catalog, today);
  return {
    schemas: schemaNames.map((name) => ({ name, description: schemas.get(name)!.description as string, url: new URL(`/api/schema/${name}`, base).href })),
  };
}
