import { useEffect, useRef, useState } from 'preact/hooks';
import type { Configuration } from '~/domain/configuration/configuration';
import { encodeConfiguration } from '~/domain/configuration/link';
import './ShareBar.css';

/** The address of a share link: the code rides in the fragment, so it never reaches a server. */
export const shareUrl = (origin: string, path: '/configure' | '/request', code: string) => `${origin}${path}#c=${code}`;

/**
 * "Copy share link" and "Request installation", both carrying the configuration as a code. When the
 * clipboard is not available the link is shown selected, ready to copy by hand.
 */
export function ShareBar({ config }: { config: Configuration }) {
  // The code with the configuration it encodes: after an edit it is stale until the new one is ready.
  const [encoded, setEncoded] = useState<{ config: Configuration; code: string } | null>(null);
  const [status, setStatus] = useState('');
  const [manual, setManual] = useState(false);
  const [link, setLink] = useState('');
  const manualRef = useRef<HTMLInputElement>(null);

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
  // A click in the moment after an edit encodes the configuration as it is now, not as it was.
  const currentCode = async () => (encoded?.config === config ? encoded.code : encodeConfiguration(config));

  const copy = async () => {
    const link = shareUrl(location.origin, '/configure', await currentCode());
    setLink(link);
    try {
      await navigator.clipboard.writeText(link);
      setManual(false);
      setStatus('Link copied. Anyone who opens it sees this configuration and its estimate.');
    } catch {
      setManual(true);
      setStatus('Copy the link below.');
      setTimeout(() => manualRef.current?.select(), 0);
    }
  };

  const request = async (event: MouseEvent) => {
    if (!code || encoded?.config === config) return;
    event.preventDefault();
    location.assign(`/request#c=${await currentCode()}`);
  };

  return (
    <div class="share">
      <div class="button-row">
        <a class={`button${code ? '' : ' button--disabled'}`} href={code ? `/request#c=${code}` : '/request'} aria-disabled={code ? undefined : 'true'} onClick={request}>
          Request installation
        </a>
        <button type="button" class="button button--secondary" onClick={copy} disabled={!code}>
          Copy share link
        </button>
      </div>
      <p class="share__status" role="status">
        {status}
      </p>
      {manual && link && (
        <div class="field">
          <label for="share-link">Share link</label>
          <input id="share-link" ref={manualRef} type="text" readOnly value={link} onFocus={(e) => (e.currentTarget as HTMLInputElement).select()} />
        </div>
      )}
      <p class="muted share__note">The link holds the whole configuration after the # sign, a part browsers never send to a server: only the people you share it with can see it.</p>
    </div>
  );
}
