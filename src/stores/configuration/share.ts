import { encodeConfiguration } from '~/domain/configuration/link';
import { checkOnServer } from './server';
import { startFrom } from './start';
import { $configuration, $linkProblem, $notice } from './state';

/** Share links: the code of the working configuration, and opening one from a `#c=<code>` fragment. */

/** The code in a `#c=<code>` fragment, or null when the fragment holds none. */
export function codeFromHash(hash: string): string | null {
  const match = /^#?(?:.*&)?c=([^&]*)/.exec(hash);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return match[1]!;
  }
}

/**
 * Opens a share code: a good one replaces the working configuration (undo keeps the old one); an
 * old, damaged or invalid one leaves it untouched and sets `$linkProblem` for the page to explain.
 * Either way its message replaces the one an earlier link left.
 */
export async function openShareCode(code: string): Promise<boolean> {
  // Only the latest link's message shows: whatever an earlier one said goes as this one opens.
  $notice.set(null);
  $linkProblem.set(null);
  const result = await checkOnServer({ code });
  if (!result.ok) {
    $notice.set(null);
    $linkProblem.set(result);
    return false;
  }
  const current = $configuration.get();
  const same = current !== null && JSON.stringify(current) === JSON.stringify(result.configuration);
  if (!same) startFrom(result.configuration, 'Opened a shared configuration in place of yours.');
  $linkProblem.set(null);
  $notice.set({ title: 'Opened the shared configuration.', details: same ? ['It is the same as the one you had saved.'] : [] });
  return true;
}

export function dismissLinkProblem(): void {
  $linkProblem.set(null);
}

/** The share code of the working configuration, or null when there is none. */
export async function shareCode(): Promise<string | null> {
  const config = $configuration.get();
  return config ? encodeConfiguration(config) : null;
}
