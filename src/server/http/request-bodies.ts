import { z } from 'zod';
import type { Catalog } from '~/domain/catalog/catalog';
import { configurationSchemaFor } from '~/domain/configuration/configuration';
import { MAX_CODE_LENGTH } from '~/domain/configuration/link';
import { premisesSchema } from '~/domain/premises/premises';

/**
 * The bodies of POST /api/estimate, POST /api/configurations/check and POST /api/short-links, shared by the routes and the
 * schemas the API publishes (see schemas.ts), so the document says what the route reads.
 */

/** A body with `premises` asks for a recommendation; anything else is read as a configuration to price. */
export const premisesBody = z.object({ premises: premisesSchema });

export function estimateBodiesFor(catalog: Catalog) {
  const configuration = configurationSchemaFor(catalog);
  return {
    premises: premisesBody,
    configuration: z.object({
      configuration: z
        .unknown()
        .refine((value) => value !== undefined, { message: 'Send the configuration to price, as "configuration", or the premises to recommend for, as "premises"', abort: true })
        .pipe(configuration),
    }),
    /** Both, as published: a JSON Schema cannot see through the pipe above, which only words the message for a missing configuration. */
    published: z.union([z.object({ configuration }), premisesBody]),
  };
}

export const checkBody = z.union(
  [
    z.object({ code: z.string().max(MAX_CODE_LENGTH, 'A share code is at most 60,000 characters').describe('A share code, "v1." and the rest of a share link\'s fragment') }),
    z.object({ configuration: z.unknown().describe('Anything: what does not fit the configuration schema is answered with ok: false and each issue') }),
  ],
  { error: 'Send either a share code as "code" or a configuration as "configuration"' },
);

const onlyTheConfiguration = 'A short link keeps only the configuration: leave out names, contact details and anything else';

/**
 * A short link's body holds the configuration and nothing else: a name, an email address or any
 * other field beside it is refused, naming it; keys the configuration schema does not know are dropped.
 */
export function shortLinkBodyFor(catalog: Catalog) {
  return z.strictObject(
    { configuration: configurationSchemaFor(catalog) },
    { error: (issue) => (issue.code === 'unrecognized_keys' ? onlyTheConfiguration : undefined) },
  );
}
