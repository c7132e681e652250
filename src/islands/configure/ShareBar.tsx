import { useEffect, useRef, useState } from 'preact/hooks';
import type { Configuration } from '~/domain/configuration/configuration';
import { encodeConfiguration } from '~/domain/configuration/link';
import './ShareBar.css';

/** The address of a share link: the code rides in the fragment, so it never reaches a server. */
export const shareUrl = (origin: string, path: '/configure' | '/request', code: string) => `${origin}${path}#c=${code}`;

const shareTitle = 'My security system configuration';
const shareText = 'Here is the security system I configured, with its estimate:';

/** A mail to no one yet, with a subject and the link, for the customer's own mail program. */
export const mailtoHref = (link: string) => `mailto:?subject=${encodeURIComponent(shareTitle)}&body=${encodeURIComponent(`${shareText}\n\n${link}\n`)}`;

/** Asks the server to keep the configuration under a short link; its absolute address, or why not. */
async function makeShortLink(config: Configuration): Promise<{ ok: true; url: string } | { ok: false; message: string }> {
  try {
    const response = await fetch('/api/short-links', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ configuration: config }) });
    const body = (await response.json()) as { path?: string; detail?: string };
    if (response.ok && body.path) return { ok: true, url: `${location.origin}${body.path}` };
    return { ok: false, message: body.detail ?? 'We could not make a short link just now.' };
  } catch {
    return { ok: false, message: 'We could not reach the server to make a short link. Check your connection, or copy the long link instead.' };
  }
}

/**
 * Ways to pass the configuration on: "Request installation", the long link to copy (the whole
 * configuration in the fragment), a short link kept by the server (`/c/<id>`, no personal details),
 * the device's own share sheet where the browser has the Web Share API, and an email. When the
 * clipboard is not available the link is shown selected, ready to copy by hand.
 */
export function ShareBar({ config }: { config: Configuration }) {
  // The code with the configuration it encodes: after an edit it is stale until the new one is ready.
  const [encoded, setEncoded] = useState<{ config: Configuration; code: string } | null>(null);
  // A short link holds the configuration as it was when made: an edit makes it stale.
  const [short, setShort] = useState<{ config: Configuration; url: string } | null>(null);
  const [making, setMaking] = useState(false);
  const [canShare, setCanShare] = useState(false);
  const [status, setStatus] = useState('');
  const [manual, setManual] = useState(false);
  const [link, setLink] = useState('');
  const manualRef = useRef<HTMLInputElement>(null);

  // Only in the browser, after hydration: the server cannot know whether the device can share.
  useEffect(() => setCanShare(typeof navigator.share === 'function'), []);

  useEffect(() => {
    let current = true;
    setStatus('');
    encodeConfiguration(config).then(
      (code) => current && setEncoded({ config, code }),
      () => current && setEncoded(null),
    );
    return () => {
      current = false;
    };
  }, [config]);

  const code = encoded?.code ?? null;
  const shortUrl = short?.config === config ? short.url : null;
  // A click in the moment after an edit encodes the configuration as it is now, not as it was.
  const currentCode = async () => (encoded?.config === config ? encoded.code : encodeConfiguration(config));
  const bestLink = async () => shortUrl ?? shareUrl(location.origin, '/configure', await currentCode());

  const offer = async (link: string, copied: string) => {
    setLink(link);
    try {
      await navigator.clipboard.writeText(link);
      setManual(false);
      setStatus(copied);
    } catch {
      setManual(true);
      setStatus('Copy the link below.');
      setTimeout(() => manualRef.current?.select(), 0);
    }
  };

  const copy = async () => offer(shareUrl(location.origin, '/configure', await currentCode()), 'Link copied. Anyone who opens it sees this configuration and its estimate.');

  const shorten = async () => {
    setMaking(true);
    setStatus('Making a short link…');
    const made = await makeShortLink(config);
    setMaking(false);
    if (!made.ok) {
      setStatus(made.message);
      return;
    }
    setShort({ config, url: made.url });
    await offer(made.url, 'Short link copied. It opens this configuration as it is now; make a new one after further changes.');
  };

  const share = async () => {
    const url = await bestLink();
    try {
      await navigator.share({ title: shareTitle, text: shareText, url });
      setStatus('Shared.');
    } catch (error) {
      // Closing the share sheet is a choice, not a failure.
      if ((error as Error).name !== 'AbortError') setStatus('Your device could not share the link. Copy it instead.');
    }
  };

  const request = async (event: MouseEvent) => {
    if (!code || encoded?.config === config) return;
    event.preventDefault();
    location.assign(`/request#c=${await currentCode()}`);
  };

  const mailLink = shortUrl ?? (code && encoded?.config === config ? shareUrl(location.origin, '/configure', code) : null);

  return (
    <div class="share">
      <div class="button-row">
        <a class={`button${code ? '' : ' button--disabled'}`} href={code ? `/request#c=${code}` : '/request'} aria-disabled={code ? undefined : 'true'} onClick={request}>
          Request installation
        </a>
        {canShare && (
          <button type="button" class="button button--secondary" onClick={share} disabled={!code}>
            Share…
          </button>
        )}
        <button type="button" class="button button--secondary" onClick={copy} disabled={!code}>
          Copy share link
        </button>
        <button type="button" class="button button--secondary" onClick={shorten} disabled={!code || making || shortUrl !== null}>
          {shortUrl ? 'Short link made' : 'Make a short link'}
        </button>
        {mailLink ? (
          <a class="button button--secondary" href={mailtoHref(mailLink)}>
            Email the link
          </a>
        ) : (
          <span class="button button--secondary button--disabled" aria-disabled="true">
            Email the link
          </span>
        )}
      </div>
      <p class="share__status" role="status">
        {status}
      </p>
      {(manual || shortUrl) && (link || shortUrl) && (
        <div class="field">
          <label for="share-link">Share link</label>
          <input id="share-link" ref={manualRef} type="text" readOnly value={manual ? link : shortUrl!} onFocus={(e) => (e.currentTarget as HTMLInputElement).select()} />
        </div>
      )}
      <p class="muted share__note">
        The long link holds the whole configuration after the # sign, a part browsers never send to a server: only the people you share it with can see it. A short
        link keeps the configuration (never your name or contact details) on our server, under an address no one can guess.
      </p>
    </div>
  );
}
