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
afterEach(() => cleanup());

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
});
