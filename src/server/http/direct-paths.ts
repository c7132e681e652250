/**
 * The API addresses the server entry answers itself, without Astro's pipeline, when posted a JSON
 * body (direct-api.ts says why). Apart from direct-api.ts so the entry can tell them without loading it.
 */
export const directPaths = ['/api/estimate', '/api/configurations/check'] as const;
export type DirectPath = (typeof directPaths)[number];

export const isDirectPath = (url: string | undefined): url is DirectPath => (directPaths as readonly (string | undefined)[]).includes(url);
