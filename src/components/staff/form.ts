import type { Issue } from '~/domain/issues';
import { emptyFormState, fieldId, postedForm, type FormState } from '../forms/state';

/**
 * The staff forms post to their own page (no JavaScript needed); this reads what was posted and
 * turns the use cases' Issues into the shared form state: each message beside its field and in the
 * summary. Typed passwords are never written back into the page.
 */

export interface Posted {
  fields: Record<string, string>;
  state: FormState;
}

export async function readPosted(request: Request): Promise<Posted | null> {
  const form = await postedForm(request);
  if (!form) return null;
  const fields: Record<string, string> = {};
  const state = emptyFormState();
  for (const [name, value] of form.entries()) {
    if (typeof value !== 'string') continue;
    fields[name] = value;
    if (!/password/i.test(name)) state.values.set(name, value);
  }
  return { fields, state };
}

export function showIssues(state: FormState, issues: readonly Issue[]): FormState {
  for (const issue of issues) {
    const name = String(issue.path[0] ?? '');
    state.errors.set(name, [...(state.errors.get(name) ?? []), issue.message]);
    state.summary.push({ message: issue.message, target: name ? fieldId(name) : null });
  }
  return state;
}

/** A refusal for too many attempts: the message above the form, 429 and when to try again. */
export function showRateLimited(state: FormState, response: ResponseInit & { headers: Headers }, limited: { message: string; retryAfterSeconds: number }): FormState {
  state.formError = limited.message;
  response.status = 429;
  response.headers.set('Retry-After', String(limited.retryAfterSeconds));
  return state;
}
