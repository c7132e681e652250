/** Settings vocabulary without the schema, for code that runs in the browser. */

export const wiringAccessOptions = ['open', 'partial', 'finished', 'unknown'] as const;
export type WiringAccess = (typeof wiringAccessOptions)[number];
