import { isInputError, type ActionError } from 'astro:actions';
import { toIssues } from '~/domain/issues';
import { fieldNameOf, formToObject, type FormOptions } from '~/domain/requests/form';
import { retryAfterFor } from '~/server/http/retry-after';

/**
 * What a request form shows after a post without JavaScript: the values the customer typed (read back
 * from the posted form, so nothing has to be typed again) and each error beside the field its path
 * names, plus a summary at the top linking to every one.
 */

export interface SummaryItem {
  message: string;
  /** The id of the field or group the message belongs to, when the page has one. */
  target: string | null;
}

export interface FormState {
  values: Map<string, string>;
  errors: Map<string, string[]>;
  summary: SummaryItem[];
  /** A problem with the form as a whole (rate limit, spam trap, a resubmitted form). */
  formError: string | null;
}

/** Field names are schema paths; ids replace the dots so they work in fragment links and labels. */
export function fieldId(name: string): string {
  return `f-${name.replace(/\./g, '-')}`;
}

export const emptyFormState = (): FormState => ({ values: new Map(), errors: new Map(), summary: [], formError: null });

/**
 * What a request page answers with: the action's data when it succeeded (the confirmation), else the
 * form as posted. The page may hold a personal reply, so it is never cached, and it passes on the
 * action's Retry-After when the client was rate limited.
 */
export async function submissionResult<T>(request: Request, headers: Headers, result: { data?: T; error?: unknown } | undefined) {
  const seconds = retryAfterFor(request);
  if (seconds) headers.set('Retry-After', String(seconds));
  headers.set('Cache-Control', 'private, no-store');
  const receipt = result && !result.error ? result.data : undefined;
  return { receipt, form: receipt ? undefined : await postedForm(request) };
}

/** The posted form, when the page answers a POST; undefined when it cannot be read (too large, not a form). */
export async function postedForm(request: Request): Promise<FormData | undefined> {
  if (request.method !== 'POST') return undefined;
  try {
    return await request.formData();
  } catch {
    return undefined;
  }
}

export function formState(form: FormData | undefined, error: ActionError | undefined, options: FormOptions, knownFields: (name: string) => boolean): FormState {
  const state = emptyFormState();
  if (form) for (const [name, value] of form.entries()) if (typeof value === 'string') state.values.set(name, value);
  if (!error) return state;
  if (!isInputError(error)) {
    state.formError =
      error.code === 'CONTENT_TOO_LARGE'
        ? 'The form is too large to send. Please shorten the notes and send it again.'
        : error.code === 'INTERNAL_SERVER_ERROR'
          ? 'Something went wrong on our side and the request was not stored. Please try again in a moment, or call us.'
          : error.message || 'Something went wrong while sending the form. Please try again.';
    return state;
  }
  const indexMap = form ? formToObject(form, options).indexMap : {};
  for (const issue of toIssues(error.issues)) {
    // The nearest field or group the page shows: "configuration.sites.0.lines.1.productId" may have none.
    let name = fieldNameOf(issue.path, indexMap);
    while (name && !knownFields(name)) name = name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : '';
    const messages = state.errors.get(name) ?? [];
    if (!messages.includes(issue.message)) messages.push(issue.message);
    state.errors.set(name, messages);
    state.summary.push({ message: issue.message, target: name ? fieldId(name) : null });
  }
  return state;
}
