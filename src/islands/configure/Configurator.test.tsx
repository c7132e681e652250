// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { answerCheckEndpoint } from '~tests/helpers/check-endpoint';
import { configurationStores } from '~tests/helpers/configuration-stores';
import { createCatalog } from '~/domain/catalog/catalog';
import { groupOfRole } from '~/domain/catalog/roles';
import { encodeConfiguration } from '~/domain/configuration/link';
import { fixtureConfig, fixtureGuidelines, fixtureProducts, fixtureSettings, fixtureSite } from '~/domain/fixtures';
import type { ClientData } from '~/stores/site-data';

const data: ClientData = { products: fixtureProducts, settings: { ...fixtureSettings, units: 'imperial' }, guidelines: fixtureGuidelines };
const KEY = 'secure-quote:configuration:v1';

const home = () =>
  fixtureConfig([
    fixtureSite([
      { productId: 'cam', quantity: 2, reason: 'Front and back doors' },
      { productId: 'nvr', quantity: 1 },
      { productId: 'contact', quantity: 4 },
    ]),
  ]);

/** Once the server has answered for the latest change: the estimate is neither marked as updating nor as not updated. */
const priced = () =>
  waitFor(() => {
    expect(screen.getByRole('complementary', { name: 'Your estimate' }).getAttribute('aria-busy')).toBe('false');
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });

/** A fresh island and stores, reading whatever localStorage holds now. */
async function mount(hash = '') {
  vi.resetModules();
  history.replaceState(null, '', `/configure${hash}`);
  const { default: Configurator } = await import('./Configurator');
  const store = await configurationStores();
  const view = render(<Configurator data={data} />);
  return { ...view, store };
}

beforeEach(() => {
  localStorage.clear();
  answerCheckEndpoint({ catalog: createCatalog(fixtureProducts), settings: data.settings, guidelines: fixtureGuidelines });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('configurator island', () => {
  it('offers ways to start when nothing is saved, and starts empty', async () => {
    const { store } = await mount();
    await screen.findByRole('heading', { name: 'How would you like to start?' });
    expect(screen.getByRole('link', { name: 'Start the questions' }).getAttribute('href')).toBe('/assessment');
    fireEvent.click(screen.getByRole('button', { name: 'For a business' }));
    await screen.findByRole('tab', { name: 'Site 1' });
    expect(store.$configuration.get()!.audience).toBe('business');
    expect(JSON.parse(localStorage.getItem(KEY)!).audience).toBe('business');
  });

  it('shows the saved configuration with its estimate, and a quantity change updates both', async () => {
    localStorage.setItem(KEY, JSON.stringify(home()));
    const { store } = await mount();
    await priced();
    const before = store.$estimate.get()!.oneTime;
    const total = () => document.querySelector('.estimate-panel__total')!.textContent;
    expect(total()).toContain('$');
    const initial = total();
    fireEvent.click(screen.getByRole('button', { name: 'One more: Test camera' }));
    await waitFor(() => expect(store.$configuration.get()!.sites[0]!.lines[0]!.quantity).toBe(3));
    await waitFor(() => expect(total()).not.toBe(initial));
    expect(store.$estimate.get()!.oneTime.low).toBeGreaterThan(before.low);
    expect(JSON.parse(localStorage.getItem(KEY)!).sites[0].lines[0].quantity).toBe(3);
  });

  it('says when the server could not price the configuration, keeps what is shown, and tries again on request', async () => {
    localStorage.setItem(KEY, JSON.stringify(home()));
    const answer = globalThis.fetch;
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('offline');
    });
    const { store } = await mount();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('We could not price your configuration just now.');
    expect(document.querySelector('.estimate-panel')).toBeNull();
    vi.stubGlobal('fetch', answer);
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await priced();
    const shown = document.querySelector('.estimate-panel__total')!.textContent;
    expect(screen.queryByRole('alert')).toBeNull();

    vi.stubGlobal('fetch', async () => {
      throw new TypeError('offline');
    });
    fireEvent.click(screen.getByRole('button', { name: 'One more: Test camera' }));
    expect((await screen.findByRole('alert')).textContent).toContain('they are for your configuration before your last change');
    expect(document.querySelector('.estimate-panel__total')!.textContent).toBe(shown);
    expect(document.querySelector('.sticky-total')!.textContent).toContain('Not updated');
    expect(store.$configuration.get()!.sites[0]!.lines[0]!.quantity).toBe(3);
    vi.stubGlobal('fetch', answer);
    fireEvent.click(within(screen.getByRole('alert')).getByRole('button', { name: 'Try again' }));
    await priced();
    expect(document.querySelector('.estimate-panel__total')!.textContent).not.toBe(shown);
    expect(document.querySelector('.sticky-total')!.textContent).toContain('See estimate');
  });

  it('shows a phase’s total only for the phase as it is now, and the totals as updating until the server answers', async () => {
    const phased = fixtureConfig([fixtureSite([{ productId: 'cam', quantity: 2, phase: 1 }, { productId: 'nvr', quantity: 1 }])], { audience: 'business', phases: [{ name: 'First', budgetCents: 100_000 }] });
    localStorage.setItem(KEY, JSON.stringify(phased));
    const { store } = await mount();
    await priced();
    const phaseTotal = () => document.querySelector('.phase__total')?.textContent ?? null;
    expect(phaseTotal()).toContain('(budget $1,000)');
    const answer = globalThis.fetch;
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    vi.stubGlobal('fetch', async (...args: Parameters<typeof fetch>) => {
      await gate;
      return answer(...args);
    });
    store.changePhase(0, { budgetCents: 500_000 });
    await waitFor(() => expect(document.querySelector('.phases--updating')).not.toBeNull());
    expect(phaseTotal()).toBeNull();
    release();
    await priced();
    expect(phaseTotal()).toContain('(budget $5,000)');
    expect(document.querySelector('.phases--updating')).toBeNull();
  });

  it('keeps a typed quantity that is not a number in the box and names the problem', async () => {
    localStorage.setItem(KEY, JSON.stringify(home()));
    const { store } = await mount();
    const input = (await screen.findAllByLabelText('Quantity'))[0] as HTMLInputElement;
    fireEvent.input(input, { target: { value: 'two' } });
    await screen.findByText('Quantity: enter a whole number');
    expect(input.value).toBe('two');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(store.$configuration.get()!.sites[0]!.lines[0]!.quantity).toBe(2);
    fireEvent.input(input, { target: { value: '5' } });
    await waitFor(() => expect(store.$configuration.get()!.sites[0]!.lines[0]!.quantity).toBe(5));
  });

  it('removes a line with undo', async () => {
    localStorage.setItem(KEY, JSON.stringify(home()));
    const { store } = await mount();
    fireEvent.click(await screen.findByRole('button', { name: 'Remove Test recorder' }));
    await screen.findByText('Removed Test recorder.', { selector: '.notice--undo' });
    expect(store.$configuration.get()!.sites[0]!.lines).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(store.$configuration.get()).toEqual(home()));
  });

  it('applies a check suggestion in one click', async () => {
    localStorage.setItem(KEY, JSON.stringify(fixtureConfig([fixtureSite([{ productId: 'cam', quantity: 2 }])])));
    const { store } = await mount();
    const fix = await screen.findByRole('button', { name: /^Add 1 × Test recorder/ });
    fireEvent.click(fix);
    await waitFor(() => expect(store.$configuration.get()!.sites[0]!.lines.map((l) => l.productId)).toContain('nvr'));
  });

  it('announces the new range after a change settles', async () => {
    localStorage.setItem(KEY, JSON.stringify(home()));
    const { store } = await mount();
    await priced();
    const live = document.querySelector('[aria-live="polite"]')!;
    expect(live.textContent).toBe('');
    store.changeQuantity('site-1', 2, 6);
    await waitFor(() => expect(live.textContent).toMatch(/^Estimate updated: \$[\d,]+ – \$[\d,]+ one time\.$/), { timeout: 3000 });
  });

  it('opens a share link from the fragment and clears it from the address', async () => {
    const shared = fixtureConfig([fixtureSite([{ productId: 'smoke', quantity: 3 }])]);
    const { store } = await mount(`#c=${await encodeConfiguration(shared)}`);
    await screen.findByText('Opened the shared configuration.');
    expect(store.$configuration.get()).toEqual(shared);
    expect(location.hash).toBe('');
  });

  it('explains a damaged link and offers ways forward, keeping the saved configuration', async () => {
    localStorage.setItem(KEY, JSON.stringify(home()));
    const code = await encodeConfiguration(home());
    const { store } = await mount(`#c=${code.slice(0, -10)}`);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('We could not open this link.');
    expect(alert.textContent).toContain('incomplete or damaged');
    expect(within(alert).getByRole('link', { name: 'Answer a few questions instead' })).toBeTruthy();
    expect(within(alert).getByRole('button', { name: 'Start empty' })).toBeTruthy();
    fireEvent.click(within(alert).getByRole('button', { name: 'Continue with your saved configuration' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(store.$configuration.get()).toEqual(home());
  });

  it('explains a link to products that are gone, with no saved configuration', async () => {
    const gone = await encodeConfiguration(fixtureConfig([fixtureSite([{ productId: 'retired', quantity: 1 }])]));
    await mount(`#c=${gone}`);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('products or settings we no longer offer');
    expect(within(alert).queryByRole('button', { name: 'Continue with your saved configuration' })).toBeNull();
    fireEvent.click(within(alert).getByRole('button', { name: 'Start empty' }));
    await screen.findByRole('button', { name: 'Add products' });
  });

  it('offers "Compare and swap" on every kind of equipment line with a choice, never on permits or services', async () => {
    // A second permit and a second handover service, so a swap would be there to offer if services had one.
    const extra = fixtureProducts.filter((p) => p.role === 'permit' || p.role === 'training').map((p) => ({ ...p, id: `${p.id}-2`, name: `Other ${p.name}` }));
    const products = [...fixtureProducts, ...extra];
    const catalog = createCatalog(products);
    // A line of every product that can be one (plans are chosen apart; cable and travel are priced by the estimate).
    const lines = products.filter((p) => !['monitoring-plan', 'cable', 'travel'].includes(p.role)).map((p) => ({ productId: p.id, quantity: 1 }));
    localStorage.setItem(KEY, JSON.stringify(fixtureConfig([fixtureSite(lines)])));
    answerCheckEndpoint({ catalog, settings: data.settings, guidelines: fixtureGuidelines });
    vi.resetModules();
    history.replaceState(null, '', '/configure');
    const { default: Configurator } = await import('./Configurator');
    render(<Configurator data={{ ...data, products }} />);
    await screen.findByRole('heading', { name: 'Your estimate' });
    const kinds = new Set<string>();
    for (const { productId } of lines) {
      const product = catalog.get(productId)!;
      await screen.findByRole('heading', { level: 4, name: product.name });
      const swap = screen.queryByRole('button', { name: `Compare and swap ${product.name}` });
      const services = groupOfRole(product.role) === 'services';
      expect(swap !== null, product.id).toBe(!services && catalog.alternatives(product).length > 0);
      if (services) expect(catalog.alternatives(product).length, product.id).toBeGreaterThan(0);
      kinds.add(groupOfRole(product.role));
    }
    expect([...kinds].sort()).toEqual(['access', 'fire', 'intrusion', 'services', 'video']);
  }, 20_000);

  it('shows only the latest link message: a cut-off link after a good one replaces "Opened the shared configuration"', async () => {
    const shared = fixtureConfig([fixtureSite([{ productId: 'smoke', quantity: 3 }])]);
    const code = await encodeConfiguration(shared);
    await mount(`#c=${code}`);
    await screen.findByText('Opened the shared configuration.');
    location.hash = `#c=${code.slice(0, -10)}`;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await screen.findByText('We could not open this link.', {}, { timeout: 5000 });
    expect(screen.queryByText('Opened the shared configuration.')).toBeNull();
    location.hash = `#c=${code}`;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await waitFor(() => expect(screen.queryByText('We could not open this link.')).toBeNull(), { timeout: 5000 });
    await screen.findByText('Opened the shared configuration.', {}, { timeout: 5000 });
  });

  it('names the package, marks it customized, and asks before switching away from changes', async () => {
    const packages = { essential: fixtureConfig([fixtureSite([{ productId: 'cam', quantity: 1 }])]), recommended: home(), complete: fixtureConfig([fixtureSite([{ productId: 'cam-best', quantity: 4 }])]) };
    localStorage.setItem(KEY, JSON.stringify(home()));
    localStorage.setItem('secure-quote:package:v1', JSON.stringify({ tier: 'recommended', packages }));
    const { store } = await mount();
    const bar = await screen.findByRole('region', { name: 'Your package: Recommended' });
    await priced();
    fireEvent.click(within(bar).getByRole('button', { name: 'Switch to Essential' }));
    await waitFor(() => expect(store.$configuration.get()).toEqual(packages.essential));
    fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    await screen.findByRole('region', { name: 'Your package: Recommended' });
    fireEvent.click(screen.getByRole('button', { name: 'One more: Test camera' }));
    const edited = await screen.findByRole('region', { name: 'Your package: Recommended Customized' });
    fireEvent.click(within(edited).getByRole('button', { name: 'Switch to Complete' }));
    const question = within(edited).getByRole('alertdialog');
    expect(question.textContent).toContain('Your changes to the Recommended package go.');
    fireEvent.click(within(question).getByRole('button', { name: 'Keep my changes' }));
    expect(store.$configuration.get()!.sites[0]!.lines[0]!.quantity).toBe(3);
    fireEvent.click(within(edited).getByRole('button', { name: 'Switch to Complete' }));
    fireEvent.click(within(edited).getByRole('button', { name: 'Switch to Complete' }));
    await screen.findByRole('region', { name: 'Your package: Complete' });
    expect(store.$configuration.get()).toEqual(packages.complete);
  });
});
