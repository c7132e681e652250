import type { InstalledProduct, Product, ProductOfType, ProductType } from './product';
import type { RoleId } from './roles';

/**
 * The catalog's vocabulary and type guards, free of the zod schemas, so code that runs in the browser
 * (estimate, checks, configurator) can use them without shipping the schemas.
 */

export const tiers = ['good', 'better', 'best'] as const;
export type Tier = (typeof tiers)[number];

export const cableKinds = ['cat6', 'cat6-outdoor', 'alarm-22-4', 'power-18-2', 'fire-fplp-18-2', 'interconnect-14-3'] as const;
export type CableKind = (typeof cableKinds)[number];

export const poeClasses = ['802.3af', '802.3at', '802.3bt-type3', '802.3bt-type4'] as const;

export function isOfType<T extends ProductType>(type: T) {
  return (product: Product): product is ProductOfType<T> => product.type === type;
}

export const isCamera = isOfType('camera');
export const isPlan = isOfType('monitoring-plan');
export const isCable = isOfType('cable');

export function isInstalled(product: Product): product is InstalledProduct {
  return 'install' in product;
}

export function hasRole(role: RoleId) {
  return (product: Product) => product.role === role;
}
