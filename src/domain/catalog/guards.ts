import type { InstalledProduct, Product, ProductOfType, ProductType } from './product';

/** Type guards on products; they import only types, so browser code can use them without the schemas. */

export function isOfType<T extends ProductType>(type: T) {
  return (product: Product): product is ProductOfType<T> => product.type === type;
}

export const isPlan = isOfType('monitoring-plan');
export const isCable = isOfType('cable');

export function isInstalled(product: Product): product is InstalledProduct {
  return 'install' in product;
}
