import { validate } from '~/domain/issues';
import { recommend } from '~/domain/recommend/recommend';
import { firstName } from '~/domain/requests/request';
import { staffStartSchema, startingPremises } from '~/domain/requests/staff-start';
import type { SiteData } from '~/domain/site-data';
import { can } from '~/domain/staff/roles';
import type { Database } from '../db/client';
import { newRowId } from '../db/row-id';
import type { Outcome } from '../pipeline/pipeline';
import { prepareQuote } from '../quotes/quote';
import type { StaffUser } from '../staff/sessions';
import { newReference, REFERENCE_ATTEMPTS } from './reference';
import { insertStartedRequest } from './store';

/**
 * Staff start a quote for a customer by name and email: a request assigned to them, new on the
 * pipeline, with a quote whose revision 1 is the recommended package for the customer's premises.
 * Nobody mails the customer here and nobody else holds the quote's link: the customer first hears
 * of it when the quote builder sends a revision.
 */

export type StartOutcome = Exclude<Outcome, { ok: true }> | { ok: true; reference: string };

export async function startQuote(db: Database, user: StaffUser, fields: Record<string, string>, ctx: { data: SiteData; now: Date }): Promise<StartOutcome> {
  if (!can(user.role, 'buildQuotes')) return { ok: false, status: 403, message: 'Your role does not build quotes.' };
  const checked = validate(staffStartSchema, { ...fields, company: fields.company || undefined });
  if (!checked.ok) return { ok: false, status: 422, message: 'The quote was not started.', issues: checked.issues };
  const start = checked.value;
  const configuration = recommend(startingPremises(start), ctx.data).packages.recommended;
  const company = start.audience === 'business' ? (start.company ?? null) : null;
  for (let attempt = 1; attempt <= REFERENCE_ATTEMPTS; attempt++) {
    const reference = newReference(ctx.data.settings.company.referencePrefix);
    const quote = prepareQuote({ configuration, firstName: firstName(start.name), status: 'requested', customer: { reference, company, addresses: [], windows: [] } }, ctx.data, ctx.now);
    const stored = await insertStartedRequest(db, { id: newRowId(), reference, contact: { name: start.name, email: start.email }, company, quote, staffId: user.id, now: ctx.now });
    if (stored === 'stored') return { ok: true, reference };
  }
  throw new Error(`No free request reference after ${REFERENCE_ATTEMPTS} draws`);
}
