// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Dialog, focusFirstControl } from './Dialog';
import { LazyPart, lazyPart } from './LazyPart';

afterEach(() => cleanup());

/** A fetch the test answers when it likes: `settle(true)` delivers the part, `settle(false)` fails it. */
function controlledFetch() {
  const calls: Array<(ok: boolean) => void> = [];
  const Body = ({ label }: { label: string }) => <input aria-label={label} />;
  const part = lazyPart<{ label: string }>(
    () =>
      new Promise((resolve, reject) => {
        calls.push((ok) => (ok ? resolve(Body) : reject(new Error('offline'))));
      }),
  );
  return { part, calls, settle: (ok: boolean) => calls.at(-1)!(ok) };
}

describe('a part fetched when it first shows', () => {
  it('says it is loading, then shows the part with its props and moves focus into the dialog that holds it', async () => {
    const { part, calls, settle } = controlledFetch();
    render(
      <Dialog title="Add" open onClose={() => {}}>
        <LazyPart part={part} props={{ label: 'How many' }} what="the products" onArrived={focusFirstControl} />
      </Dialog>,
    );
    const dialog = screen.getByRole('dialog', { name: 'Add' });
    expect(within(dialog).getByRole('status').textContent).toBe('Loading the products…');
    settle(true);
    const field = await within(dialog).findByRole('textbox', { name: 'How many' });
    await waitFor(() => expect(document.activeElement).toBe(field));
    expect(within(dialog).queryByRole('status')).toBeNull();
    expect(calls).toHaveLength(1);
  });

  it('is fetched once: a second place showing it renders it at once, without a wait or a second fetch', async () => {
    const { part, calls, settle } = controlledFetch();
    render(<LazyPart part={part} props={{ label: 'First' }} what="the first" />);
    settle(true);
    await screen.findByRole('textbox', { name: 'First' });
    cleanup();
    render(<LazyPart part={part} props={{ label: 'Second' }} what="the second" />);
    expect(screen.getByRole('textbox', { name: 'Second' })).toBeTruthy();
    expect(calls).toHaveLength(1);
  });

  it('says why when the fetch fails, keeps the page usable, and fetches again on Try again', async () => {
    const { part, calls, settle } = controlledFetch();
    render(<LazyPart part={part} props={{ label: 'Phase name' }} what="the phases" />);
    settle(false);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('We could not load the phases just now.');
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect((await screen.findByRole('status')).textContent).toBe('Loading the phases…');
    expect(calls).toHaveLength(2);
    settle(true);
    await screen.findByRole('textbox', { name: 'Phase name' });
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
