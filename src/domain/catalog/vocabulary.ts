/**
 * The catalog's vocabulary, free of the zod schemas and the product types, so code that runs in the
 * browser can use it without shipping the schemas.
 */

export const tiers = ['good', 'better', 'best'] as const;
export type Tier = (typeof tiers)[number];

export const cableKinds = ['cat6', 'cat6-outdoor', 'alarm-22-4', 'power-18-2', 'fire-fplp-18-2', 'interconnect-14-3'] as const;
export type CableKind = (typeof cableKinds)[number];

export const poeClasses = ['802.3af', '802.3at', '802.3bt-type3', '802.3bt-type4'] as const;
