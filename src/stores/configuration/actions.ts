import type { Change } from '~/domain/checks';
import type { Line, Site, SiteConditions } from '~/domain/configuration/configuration';
import * as edit from '~/domain/configuration/edit';
import { checkOnServer, checksAreFor } from './server';
import { $configuration } from './state';
import { change, removing } from './undo';

/** The customer's edits: named actions wrapping the pure edits in the domain. Removals can be undone. */

const siteOf = (siteId: string): Site | undefined => $configuration.get()?.sites.find((s) => s.id === siteId);

export const changeQuantity = (siteId: string, lineIndex: number, quantity: number) => change((c) => edit.setQuantity(c, siteId, lineIndex, quantity));
export const changeReused = (siteId: string, lineIndex: number, reused: number) => change((c) => edit.setReused(c, siteId, lineIndex, reused));
export const swapLine = (siteId: string, lineIndex: number, productId: string) => change((c) => edit.swapProduct(c, siteId, lineIndex, productId));
export const setConnection = (siteId: string, lineIndex: number, connection: Line['connection']) => change((c) => edit.setLine(c, siteId, lineIndex, { connection }));
export const setPhase = (siteId: string, lineIndex: number, phase: number | undefined) => change((c) => edit.setLine(c, siteId, lineIndex, { phase }));
export const addToSite = (siteId: string, productId: string, quantity: number, reason?: string) => change((c) => edit.addProduct(c, siteId, productId, Math.max(1, Math.min(500, Math.round(quantity))), reason));
export const choosePlan = (siteId: string, planId: string | undefined) => change((c) => edit.setPlan(c, siteId, planId));
/** Applies a check's fix, unless the configuration changed since the check (its line numbers may have moved). */
export const applySuggestion = (suggestion: Change) => change((c) => (checksAreFor(c) ? edit.applyChange(c, suggestion) : c));
export const changeConditions = (siteId: string, patch: Partial<SiteConditions>) => change((c) => edit.setConditions(c, siteId, patch));

/**
 * A typed site condition: the server checks the result first, and the message of what it rejects in
 * that site's conditions comes back for the field (nothing changes then).
 */
export async function changeConditionsChecked(siteId: string, patch: Partial<SiteConditions>): Promise<string | undefined> {
  const config = $configuration.get();
  if (!config) return undefined;
  const next = edit.setConditions(config, siteId, patch);
  const result = await checkOnServer({ configuration: next });
  if (!result.ok) {
    const index = config.sites.findIndex((s) => s.id === siteId);
    const issue = result.issues.find((i) => i.path[0] === 'sites' && i.path[1] === index && i.path[2] === 'conditions');
    return issue?.message ?? result.message;
  }
  if ($configuration.get() === config) change(() => next);
  else changeConditions(siteId, patch);
  return undefined;
}
export const changeRecording = (siteId: string, recording: Site['recording']) => change((c) => edit.setRecording(c, siteId, recording));
export const renameSiteTo = (siteId: string, name: string) => change((c) => edit.renameSite(c, siteId, name));
export const changeStartDate = (startDate: string | undefined) => change((c) => edit.setStartDate(c, startDate));

export function removeLineAt(siteId: string, lineIndex: number, name: string): void {
  removing(`Removed ${name}.`, (c) => edit.removeLine(c, siteId, lineIndex));
}

/** Adds a site and returns its id (undefined when the configuration is full or missing). */
export function addNewSite(name: string): string | undefined {
  const config = $configuration.get();
  if (!config) return undefined;
  const id = edit.nextSiteId(config);
  change((c) => edit.addSite(c, name));
  return siteOf(id) ? id : undefined;
}

export function removeSiteById(siteId: string): void {
  const name = siteOf(siteId)?.name ?? 'the site';
  removing(`Removed ${name}.`, (c) => edit.removeSite(c, siteId));
}
