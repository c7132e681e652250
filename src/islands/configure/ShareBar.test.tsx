// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readShareCode } from '~/domain/configuration/link';
import { fixtureConfig, fixtureSite } from '~/domain/fixtures';
import { ShareBar } from './ShareBar';

const one = fixtureConfig([fixtureSite([{ productId: 'cam', quantity: 1 }])]);
const two = fixtureConfig([fixtureSite([{ productId: 'cam', quantity: 2 }])]);

/** The configuration a share link carries after its #c=. */
async function configurationIn(link: string) {
  const read = await readShareCode(link.slice(link.indexOf('#c=') + 3));
  return read.ok ? read.value : read;
}

let copied: string[];

beforeEach(() => {
  copied = [];
  Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: vi.fn(async (text: string) => void copied.push(text)) } });
});
afterEach(() => {
  cleanup();
  Reflect.deleteProperty(navigator, 'share');
  vi.unstubAllGlobals();
});

const shortId = 'AbCdEfGhIjKlMnOpQrStUv_-';

/** The server's short-link route: answers a path and records each body it was sent. */
function stubShortLinks(answer: { status: number; body: unknown } = { status: 201, body: { id: shortId, path: `/c/${shortId}`, url: `http://localhost/c/${shortId}` } }) {
  const sent: unknown[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      expect(url).toBe('/api/short-links');
      sent.push(JSON.parse(String(init.body)));
      return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': 'application/json' } });
    }),
  );
  return sent;
}

async function ready() {
  const copy = screen.getByRole('button', { name: 'Copy share link' });
  await waitFor(() => expect((copy as HTMLButtonElement).disabled).toBe(false));
}

describe('share bar', () => {
  it('copies a link to the configuration and links the request form to it', async () => {
    render(<ShareBar config={one} />);
    const copy = screen.getByRole('button', { name: 'Copy share link' });
    await waitFor(() => expect((copy as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(copy);
    await screen.findByText(/Link copied/);
    expect(await configurationIn(copied[0]!)).toEqual(one);
    const request = screen.getByRole('link', { name: 'Request installation' });
    expect(await configurationIn(request.getAttribute('href')!)).toEqual(one);
  });

  it('copies the configuration as it is now when clicked right after an edit', async () => {
    const { rerender } = render(<ShareBar config={one} />);
    const copy = screen.getByRole('button', { name: 'Copy share link' });
    await waitFor(() => expect((copy as HTMLButtonElement).disabled).toBe(false));
    rerender(<ShareBar config={two} />);
    fireEvent.click(copy);
    await screen.findByText(/Link copied/);
    expect(await configurationIn(copied[0]!)).toEqual(two);
  });

  it('shows the link to copy by hand when the clipboard refuses', async () => {
    navigator.clipboard.writeText = vi.fn(async () => Promise.reject(new Error('denied')));
    render(<ShareBar config={one} />);
    const copy = screen.getByRole('button', { name: 'Copy share link' });
    await waitFor(() => expect((copy as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(copy);
    const field = await screen.findByLabelText('Share link');
    expect(await configurationIn((field as HTMLInputElement).value)).toEqual(one);
  });

  it('offers no share button where the browser has no Web Share API, and an email with the long link', async () => {
    render(<ShareBar config={one} />);
    await ready();
    expect(screen.queryByRole('button', { name: 'Share…' })).toBeNull();
    const mail = new URL(screen.getByRole('link', { name: 'Email the link' }).getAttribute('href')!);
    expect(mail.protocol).toBe('mailto:');
    expect(mail.searchParams.get('subject')).toBe('My security system configuration');
    const body = mail.searchParams.get('body')!;
    expect(await configurationIn(body.trim().split(/\s+/).at(-1)!)).toEqual(one);
  });

  it('shares through the Web Share API where the browser has it', async () => {
    const share = vi.fn<(data: ShareData) => Promise<void>>(async () => undefined);
    Object.defineProperty(navigator, 'share', { configurable: true, value: share });
    render(<ShareBar config={one} />);
    await ready();
    fireEvent.click(await screen.findByRole('button', { name: 'Share…' }));
    await screen.findByText('Shared.');
    expect(share).toHaveBeenCalledTimes(1);
    expect(share.mock.calls[0]![0].title).toBe('My security system configuration');
    expect(await configurationIn(share.mock.calls[0]![0].url!)).toEqual(one);
  });

  it('says nothing went wrong when the share sheet is closed', async () => {
    Object.defineProperty(navigator, 'share', { configurable: true, value: vi.fn(async () => Promise.reject(new DOMException('closed', 'AbortError'))) });
    render(<ShareBar config={one} />);
    await ready();
    fireEvent.click(await screen.findByRole('button', { name: 'Share…' }));
    await waitFor(() => expect(navigator.share).toHaveBeenCalled());
    expect(screen.queryByText(/could not share/)).toBeNull();
  });

  it('makes a short link with the configuration alone, copies it, and shares and mails it from then on', async () => {
    const sent = stubShortLinks();
    const share = vi.fn<(data: ShareData) => Promise<void>>(async () => undefined);
    Object.defineProperty(navigator, 'share', { configurable: true, value: share });
    const { rerender } = render(<ShareBar config={one} />);
    await ready();
    fireEvent.click(screen.getByRole('button', { name: 'Make a short link' }));
    await screen.findByText(/Short link copied/);
    expect(sent).toEqual([{ configuration: one }]);
    const url = `${location.origin}/c/${shortId}`;
    expect(copied).toEqual([url]);
    expect((screen.getByLabelText('Share link') as HTMLInputElement).value).toBe(url);
    expect(new URL(screen.getByRole('link', { name: 'Email the link' }).getAttribute('href')!).searchParams.get('body')).toContain(url);
    fireEvent.click(screen.getByRole('button', { name: 'Share…' }));
    await waitFor(() => expect(share).toHaveBeenCalledWith(expect.objectContaining({ url })));

    // After an edit the short link is stale: the long link is offered again, and a new short link can be made.
    rerender(<ShareBar config={two} />);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Make a short link' })).toBeTruthy());
    await waitFor(() => expect(screen.getByRole('link', { name: 'Email the link' }).getAttribute('href')).not.toContain(shortId));
  });

  it('says why when the server cannot make a short link', async () => {
    stubShortLinks({ status: 429, body: { detail: 'You have sent several requests in a short time.' } });
    render(<ShareBar config={one} />);
    await ready();
    fireEvent.click(screen.getByRole('button', { name: 'Make a short link' }));
    await screen.findByText('You have sent several requests in a short time.');
    expect(copied).toEqual([]);
  });
});
