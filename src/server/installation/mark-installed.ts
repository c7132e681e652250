import type { Catalog } from '~/domain/catalog/catalog';
import { fittedChanges, fittedSites, installationInputSchema } from '~/domain/installation/installation';
import { validate } from '~/domain/issues';
import { transition } from '~/domain/pipeline/pipeline';
import type { Database } from '../db/client';
import { acceptanceOf } from '../acceptance/store';
import { updatePipelineColumns } from '../pipeline/store';
import { withRequest, type Outcome } from '../pipeline/pipeline';
import { getQuoteById, getRevision } from '../quotes/store';
import type { StaffUser } from '../staff/sessions';
import { recordTimelineEvent } from '../timeline/store';
import { insertInstallation } from './store';

/**
 * "Mark installed" on a request's page: the day the work was finished and what was fitted where it
 * differs from the accepted revision, the `job.installed` timeline event and the pipeline's move to
 * installed (the domain's `transition`, with the request row locked), all in one transaction.
 */

/** The posted form's flat fields (`lines.3.quantity`) as the input schema reads them. */
export function installationFormInput(fields: Record<string, string>): unknown {
  const lines: { quantity: number | string; substituteId?: string }[] = [];
  for (const [name, value] of Object.entries(fields)) {
    const match = /^lines\.(\d{1,3})\.(quantity|substituteId)$/.exec(name);
    if (!match) continue;
    const line = (lines[Number(match[1])] ??= { quantity: '' });
    if (match[2] === 'quantity') line.quantity = value.trim() === '' ? '' : Number(value);
    else if (value !== '') line.substituteId = value;
  }
  return { installedOn: fields.installedOn ?? '', lines: Array.from(lines, (line) => line ?? { quantity: '' }), ...(fields.note?.trim() ? { note: fields.note } : {}) };
}

export function markInstalled(db: Database, user: StaffUser, reference: string, fields: Record<string, string>, catalog: Catalog, today: string): Promise<Outcome> {
  const checked = validate(installationInputSchema, installationFormInput(fields));
  if (!checked.ok) return Promise.resolve({ ok: false, status: 422, message: 'The installation was not recorded.', issues: checked.issues });
  const input = checked.value;
  return withRequest(db, user, reference, async (tx, request) => {
    const moved = transition(request.status, { type: 'mark_installed' });
    if (!moved.ok) return { ok: false, status: 409, message: moved.reason };
    const quote = request.quoteId ? await getQuoteById(tx, request.quoteId) : null;
    if (!quote) return { ok: false, status: 409, message: 'This request has no quote to install.' };
    const accepted = await acceptanceOf(tx, quote.id);
    const revision = accepted && accepted.revision !== quote.revision.number ? await getRevision(tx, quote.id, accepted.revision) : quote.revision;
    if (!revision) return { ok: false, status: 409, message: 'The accepted revision of the quote is missing.' };
    const fitted = fittedSites(revision.configuration, input, catalog, today);
    if (!fitted.ok) return { ok: false, status: 422, message: 'The installation was not recorded.', issues: fitted.issues };
    const stored = await insertInstallation(tx, { quoteId: quote.id, revision: revision.number, installedOn: input.installedOn, fitted: fitted.sites, note: input.note || null, recordedBy: user.id });
    if (!stored) return { ok: false, status: 409, message: 'This installation was recorded already.' };
    await updatePipelineColumns(tx, request.id, { status: moved.state });
    const nameOf = (id: string) => catalog.get(id)?.name ?? revision.snapshot.products.find((p) => p.id === id)?.name ?? id;
    await recordTimelineEvent(tx, {
      kind: 'job.installed',
      actor: 'staff',
      staffId: user.id,
      requestId: request.id,
      quoteId: quote.id,
      detail: { from: request.status, to: moved.state, installedOn: input.installedOn, revision: revision.number, changes: fittedChanges(revision.configuration, fitted.sites, nameOf), ...(input.note ? { note: input.note } : {}) },
    });
    return { ok: true, notice: 'Marked as installed. The customer’s quote link now shows their system.' };
  });
}
