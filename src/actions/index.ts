import { ActionError, defineAction, type ActionAPIContext } from 'astro:actions';
import { z } from 'astro/zod';
import { toIssues, validate } from '../domain/issues';
import { formToObject, type FormOptions } from '../domain/requests/form';
import { submissionFieldsSchema, type CustomerRequest, type RequestKind } from '../domain/requests/request';
import { noteRetryAfter } from '../server/http/retry-after';
import { siteUrl } from '../server/http/site-url';
import { quotePath } from '../server/quotes/public-id';
import { currentClientKey } from '../server/http/request-scope';
import { countAttempt, storeRequest, validateRequest, type AttemptRefused } from '../server/requests/submissions';
import { quoteActions } from './quote';

/**
 * The request forms post here (`<form method="POST" action={actions.requestInstallation}>`), so they
 * work without JavaScript: Astro runs the action, then renders the same page with the result, where
 * field errors stand next to their fields and every typed value is kept.
 *
 * The input is the raw FormData, rebuilt into the shared request schema (see domain/requests/form.ts)
 * and validated there with the catalog and today's date; every issue keeps the path of its field.
 */

export const formOptions: Record<RequestKind, FormOptions> = {
  installation: { booleans: ['consent'], json: ['configuration', 'packages'], compact: ['windows', 'addresses.*.windows'], ignore: ['idempotencyKey', 'website'], groups: ['contact', 'addresses.0'] },
  service: { booleans: ['consent'], compact: ['windows'], ignore: ['idempotencyKey', 'website'], groups: ['contact', 'address'] },
};

interface FormSubmission {
  /** Set when the client used up its submission allowance: nothing was read. */
  refused?: AttemptRefused;
  /** Null when the spam trap was filled in (or the attempt was refused): nothing is validated or stored. */
  request: CustomerRequest | null;
  idempotencyKey: string | undefined;
}

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' && value !== '' ? value : undefined;
};

function formInput(kind: RequestKind) {
  return z.unknown().transform(async (raw, ctx): Promise<FormSubmission> => {
    if (!(raw instanceof FormData)) {
      ctx.addIssue({ code: 'custom', message: 'Send the form as form data' });
      return z.NEVER;
    }
    // Counted before anything is read, so broken and trap-filling posts use up the allowance too.
    // The middleware sets the client around every action request (src/middleware.ts).
    const refused = await countAttempt(currentClientKey() ?? 'unknown');
    if (refused) return { refused, request: null, idempotencyKey: undefined };
    const honeypot = text(raw, 'website');
    // The form carries the key in a hidden field; anything but a key the form could have made (a huge
    // or odd value) is refused as a field, like the API's Idempotency-Key header.
    const key = validate(submissionFieldsSchema.shape.idempotencyKey, text(raw, 'idempotencyKey'));
    const idempotencyKey = key.ok ? key.value : undefined;
    // A filled spam trap skips validation: the robot is told nothing about the fields.
    if (honeypot && honeypot.trim() !== '') return { request: null, idempotencyKey };
    const result = await validateRequest(kind, formToObject(raw, formOptions[kind]).value);
    const issues = [...(key.ok ? [] : toIssues(key.issues, ['idempotencyKey'])), ...(result.ok ? [] : result.issues)];
    if (!result.ok || issues.length > 0) {
      for (const issue of issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
      return z.NEVER;
    }
    return { request: result.request, idempotencyKey };
  });
}

export interface RequestReceipt {
  reference: string;
  kind: RequestKind;
  /** Relative: the confirmation page links within the site it was served from, whatever SITE_URL says. */
  quotePath: string | null;
  quoteValidUntil: string | null;
  /** True when this was the same form sent again: the request was already stored. */
  replayed: boolean;
}

function tooMany(refused: AttemptRefused, context: ActionAPIContext): ActionError {
  noteRetryAfter(context.request, refused.retryAfterSeconds);
  return new ActionError({ code: 'TOO_MANY_REQUESTS', message: refused.message });
}

async function handle(input: FormSubmission, context: ActionAPIContext): Promise<RequestReceipt> {
  if (input.refused) throw tooMany(input.refused, context);
  if (!input.request) {
    throw new ActionError({
      code: 'BAD_REQUEST',
      message: 'We could not accept this form because a field meant to stay empty was filled in. If you are a person, clear the field labeled "Leave this empty" and send it again, or call us.',
    });
  }
  const outcome = await storeRequest(input.request, {
    idempotencyKey: input.idempotencyKey,
    site: siteUrl(context.site, context.url),
  });
  if (outcome.ok) {
    const { request } = outcome;
    const path = request.quote ? quotePath(request.quote.publicId) : null;
    return { reference: request.reference, kind: request.kind, quotePath: path, quoteValidUntil: request.quote?.revision.validUntil ?? null, replayed: request.replayed };
  }
  // The only refusal left once the attempt was counted: the key was used for a different form.
  throw new ActionError({
    code: 'CONFLICT',
    message: 'This form was already sent, with different details. To send a new request, open this page again from the menu or the address bar and fill it in; to change the one you sent, reply to its confirmation email.',
  });
}

export const server = {
  ...quoteActions,
  requestInstallation: defineAction({
    accept: 'form',
    input: formInput('installation'),
    handler: handle,
  }),
  requestService: defineAction({
    accept: 'form',
    input: formInput('service'),
    handler: handle,
  }),
};
