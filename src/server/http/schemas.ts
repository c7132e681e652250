import { z } from 'zod';
import { configurationSchema } from '../../domain/configuration/configuration';
import { premisesSchema } from '../../domain/premises/premises';
import { installationRequestSchema, requestSchema, serviceRequestSchema } from '../../domain/requests/request';

/**
 * JSON Schemas of what the API accepts, generated from the same zod schemas that validate it, so the
 * published contract cannot drift from the code. `io: 'input'` describes what a client sends
 * (defaults optional, before trimming); checks that need the catalog or today's date cannot be
 * expressed in JSON Schema and are listed in each description.
 */

const published = {
  configuration: {
    schema: configurationSchema,
    description: 'A configuration: sites, their conditions and lines, phases and a planned start. Every productId and planId must exist in GET /api/catalog.',
  },
  premises: {
    schema: premisesSchema,
    description: 'What the needs assessment learns: a home ("kind": "home") or a business with its sites ("kind": "business"). Every answer but the business sites has a default.',
  },
  'estimate-request': {
    schema: z.union([z.object({ configuration: configurationSchema }), z.object({ premises: premisesSchema })]),
    description: 'Body of POST /api/estimate: a configuration to price, or premises to recommend three packages for. Prices and totals are never accepted: the server computes them.',
  },
  'check-request': {
    schema: z.union([z.object({ code: z.string() }), z.object({ configuration: configurationSchema })]),
    description: 'Body of POST /api/configurations/check: a share code or a configuration to read with the schema and today\'s catalog.',
  },
  request: {
    schema: requestSchema,
    description: 'Body of POST /api/requests: an installation or a service request, told apart by "kind". Preferred dates must lie after today and within six months; an attached configuration must match the catalog.',
  },
  'installation-request': {
    schema: installationRequestSchema,
    description: 'An installation request (POST /api/requests with "kind": "installation"). One address per site of the configuration, in the same order.',
  },
  'service-request': {
    schema: serviceRequestSchema,
    description: 'A service request (POST /api/requests with "kind": "service").',
  },
} as const;

export type SchemaName = keyof typeof published;
export const schemaNames = Object.keys(published) as SchemaName[];

export function isSchemaName(name: string): name is SchemaName {
  return Object.hasOwn(published, name);
}

const cache = new Map<SchemaName, object>();

export function jsonSchema(name: SchemaName, base: string): object {
  let schema = cache.get(name);
  if (!schema) {
    const { schema: zodSchema, description } = published[name];
    schema = { ...z.toJSONSchema(zodSchema, { io: 'input', unrepresentable: 'any' }), title: name, description };
    cache.set(name, schema);
  }
  return { ...schema, $id: new URL(`/api/schema/${name}`, base).href };
}

export function schemaIndex(base: string) {
  return {
    schemas: schemaNames.map((name) => ({ name, description: published[name].description, url: new URL(`/api/schema/${name}`, base).href })),
  };
}
