import type { ComponentType } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * A part of an island whose code is fetched the first time it shows (a dialog's body, a tool only
 * some configurations use), so the page does not download it up front. Its styles stay with the
 * code that shows it, so they are in the page's stylesheet before it arrives.
 */
export interface Part<P> {
  /** The component once fetched; undefined before. */
  loaded(): ComponentType<P> | undefined;
  /** Fetches it once; after a failure, calling it again tries again. */
  load(): Promise<ComponentType<P>>;
}

export function lazyPart<P>(fetchComponent: () => Promise<ComponentType<P>>): Part<P> {
  let component: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  return {
    loaded: () => component,
    load: () =>
      (pending ??= fetchComponent().then(
        (fetched) => (component = fetched),
        (error: unknown) => {
          pending = undefined;
          throw error;
        },
      )),
  };
}

interface Props<P> {
  part: Part<P>;
  props: P;
  /** What is loading, as it reads after "Loading": "the products". */
  what: string;
  /** Called when the part shows after a wait, with the element that held its place (a dialog moves focus into it). */
  onArrived?: (place: Element) => void;
}

/** Shows a part, or while its code is on the way says so; if it cannot be fetched, says why and offers to try again. */
export function LazyPart<P extends object>({ part, props, what, onArrived }: Props<P>) {
  const Component = part.loaded();
  const [failed, setFailed] = useState(false);
  const [, setArrived] = useState(false);
  const place = useRef<Element | null>(null);
  const placeHolder = useRef<HTMLParagraphElement | HTMLDivElement>(null);

  useEffect(() => {
    if (Component || failed) return;
    let current = true;
    part.load().then(
      () => current && setArrived(true),
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [Component, failed]);

  useEffect(() => {
    if (placeHolder.current) place.current = placeHolder.current.parentElement;
    else if (Component && place.current) {
      onArrived?.(place.current);
      place.current = null;
    }
  });

  if (Component) return <Component {...props} />;
  if (failed) {
    return (
      <div class="callout" role="alert" ref={placeHolder}>
        <p>We could not load {what} just now. Check your connection and try again; nothing you entered is lost.</p>
        <button type="button" class="button button--secondary button--small" onClick={() => setFailed(false)}>
          Try again
        </button>
      </div>
    );
  }
  return (
    <p class="muted" role="status" ref={placeHolder}>
      Loading {what}…
    </p>
  );
}
