import { atom } from 'nanostores';
import type { SpecRow } from '../domain/catalog/compare';

/** Where the build writes every product's comparison rows (src/pages/configure/spec-rows.json.ts). */
export const SPEC_ROWS_URL = '/configure/spec-rows.json';

/** The comparison rows, loaded the first time a swap dialog needs them rather than with the page. */
export type SpecRowsState = { status: 'idle' } | { status: 'loading' } | { status: 'failed' } | { status: 'ready'; rows: Record<string, SpecRow[]> };

export const $specRows = atom<SpecRowsState>({ status: 'idle' });

/** Loads the rows once; after a failure, calling it again tries again. */
export async function loadSpecRows(): Promise<void> {
  const { status } = $specRows.get();
  if (status === 'loading' || status === 'ready') return;
  $specRows.set({ status: 'loading' });
  try {
    const response = await fetch(SPEC_ROWS_URL);
    if (!response.ok) throw new Error(`${SPEC_ROWS_URL} answered ${response.status}`);
    $specRows.set({ status: 'ready', rows: (await response.json()) as Record<string, SpecRow[]> });
  } catch {
    $specRows.set({ status: 'failed' });
  }
}

/** A product's comparison rows, or none until they have loaded. */
export function specRowsOf(state: SpecRowsState, productId: string): SpecRow[] {
  return state.status === 'ready' ? (state.rows[productId] ?? []) : [];
}
