/**
 * Whether an address is "Add to my system" from a product page (`/configure?add=<productId>`), apart
 * from the adding itself (add.ts), which only such a visit loads.
 */

const ADD_PARAM = 'add';

/** The product id a `?add=` address asks for, and that address without it (so a reload adds nothing more). */
export function addRequest(href: string): { productId: string; rest: string } | null {
  const url = new URL(href);
  const productId = url.searchParams.get(ADD_PARAM);
  if (productId === null) return null;
  url.searchParams.delete(ADD_PARAM);
  return { productId, rest: url.pathname + url.search + url.hash };
}
