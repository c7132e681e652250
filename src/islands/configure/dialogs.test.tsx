// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { answerCheckEndpoint } from '~tests/helpers/check-endpoint';
import { createCatalog } from '~/domain/catalog/catalog';
import { fixtureConfig, fixtureGuidelines, fixtureProducts, fixtureSettings, fixtureSite } from '~/domain/fixtures';
import { clientData } from '~/server/content/client-data';
import { SPEC_ROWS_URL } from '~/stores/spec-rows';

const data = clientData({ catalog: createCatalog(fixtureProducts), settings: { ...fixtureSettings, units: 'imperial' }, guidelines: fixtureGuidelines });
const KEY = 'secure-quote:configuration:v1';

async function mount(config: object) {
  vi.resetModules();
  localStorage.setItem(KEY, JSON.stringify(config));
  history.replaceState(null, '', '/configure');
  const { default: Configurator } = await import('./Configurator');
  const store = await import('~/stores/configuration/state');
  render(<Configurator data={data} />);
  await waitFor(() => expect(document.querySelector('.estimate-panel')).not.toBeNull());
  return store;
}

beforeEach(() => {
  localStorage.clear();
  answerCheckEndpoint({ catalog: createCatalog(fixtureProducts), settings: data.settings, guidelines: fixtureGuidelines });
});
afterEach(() => cleanup());

describe('swap dialog', () => {
  it('compares specs side by side, marks differences and swaps', async () => {
    const store = await mount(fixtureConfig([fixtureSite([{ productId: 'cam', quantity: 2 }, { productId: 'nvr', quantity: 1 }])]));
    const opener = screen.getByRole('button', { name: 'Compare and swap Test camera' });
    opener.focus();
    fireEvent.click(opener);
    const dialog = await screen.findByRole('dialog', { name: 'Swap the Test camera' });
    const table = await within(dialog).findByRole('table');
    const resolution = within(table).getByRole('row', { name: /Resolution/ });
    expect(resolution.className).toContain('compare__differs');
    expect(resolution.textContent).toContain('Differs');
    expect(within(table).getByRole('row', { name: /Brand and model/ }).className).not.toContain('compare__differs');
    expect(dialog.textContent).toContain('Price difference: +$500.00 for 2 (+$250.00 each)');
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Show only the differences' }));
    await waitFor(() => expect(within(table).queryByRole('row', { name: /Brand and model/ })).toBeNull());
    fireEvent.click(within(dialog).getByRole('button', { name: 'Swap to the Best camera' }));
    await waitFor(() => expect(store.$configuration.get()!.sites[0]!.lines[0]!.productId).toBe('cam-best'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('says the specifications are loading, and offers to try again when they could not be loaded', async () => {
    await mount(fixtureConfig([fixtureSite([{ productId: 'cam', quantity: 2 }])]));
    const answered = globalThis.fetch;
    let failing = true;
    vi.stubGlobal('fetch', (url: string, init: unknown) => (url === SPEC_ROWS_URL && failing ? Promise.resolve(new Response('', { status: 503 })) : answered(url, init as RequestInit)));
    fireEvent.click(screen.getByRole('button', { name: 'Compare and swap Test camera' }));
    const dialog = await screen.findByRole('dialog', { name: 'Swap the Test camera' });
    expect((await within(dialog).findByText('Loading the specifications…')).getAttribute('role')).toBe('status');
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('The specifications could not be loaded.');
    expect(within(dialog).getByRole('button', { name: 'Swap to the Best camera' })).toBeTruthy();
    failing = false;
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    const table = await within(dialog).findByRole('table');
    expect(within(table).getByRole('row', { name: /Resolution/ }).className).toContain('compare__differs');
    expect(within(dialog).queryByRole('alert')).toBeNull();
  });
});

describe('add dialog', () => {
  it('adds products chosen by system and kind', async () => {
    const store = await mount(fixtureConfig([fixtureSite([])]));
    fireEvent.click(screen.getByRole('button', { name: 'Add products' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add products to Home' });
    fireEvent.change(await within(dialog).findByLabelText('System'), { target: { value: 'fire' } });
    fireEvent.change(await within(dialog).findByLabelText('Kind of product'), { target: { value: 'co-alarm' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'One more: units to add' }));
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Add 2 × Test CO alarm' }));
    await waitFor(() => expect(store.$configuration.get()!.sites[0]!.lines).toEqual([{ productId: 'co', quantity: 2, reused: 0 }]));
  });
});

describe('business sites and phases', () => {
  const business = () =>
    fixtureConfig(
      [fixtureSite([{ productId: 'cam', quantity: 1 }, { productId: 'nvr', quantity: 1 }]), fixtureSite([{ productId: 'smoke', quantity: 2 }], { id: 'site-2', name: 'Warehouse' })],
      { audience: 'business' },
    );

  it('moves between site tabs with the arrow keys and shows the roll-up', async () => {
    await mount(business());
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual(['All sites', 'Home', 'Warehouse']);
    expect(screen.getByRole('tab', { name: 'Home' }).getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(screen.getByRole('tab', { name: 'Home' }), { key: 'ArrowRight' });
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Warehouse' }).getAttribute('aria-selected')).toBe('true'));
    await screen.findByRole('heading', { name: 'Warehouse: equipment and services' });
    fireEvent.keyDown(screen.getByRole('tab', { name: 'Warehouse' }), { key: 'Home' });
    await screen.findByRole('heading', { name: 'All sites' });
    const rollup = screen.getByRole('table');
    expect(within(rollup).getAllByRole('row').map((r) => r.querySelector('th')!.textContent)).toEqual(['Site', 'Home', 'Warehouse', 'All sites']);
  });

  it('adds a phase, assigns a line and shows the phase total against its budget', async () => {
    const store = await mount(business());
    fireEvent.input(await screen.findByLabelText('New phase name'), { target: { value: 'Cameras first' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add phase' }));
    await screen.findByLabelText('Phase 1 name');
    const budget = screen.getByLabelText('Budget');
    fireEvent.input(budget, { target: { value: '100' } });
    fireEvent.change(budget);
    await waitFor(() => expect(store.$configuration.get()!.phases[0]).toEqual({ name: 'Cameras first', budgetCents: 10_000 }));
    fireEvent.change(screen.getAllByLabelText('Phase')[0]!, { target: { value: '1' } });
    await waitFor(() => expect(store.$configuration.get()!.sites[0]!.lines[0]!.phase).toBe(1));
    await screen.findByText('Over budget');
    fireEvent.input(budget, { target: { value: 'lots' } });
    fireEvent.change(budget);
    await screen.findByText('enter an amount, like 25000');
    expect(store.$configuration.get()!.phases[0]!.budgetCents).toBe(10_000);
  });
});

describe('phases by system', () => {
  it('puts a whole system, on every site, in a phase in one choice, and says so when a line is moved on its own', async () => {
    const config = fixtureConfig(
      [fixtureSite([{ productId: 'cam', quantity: 2 }, { productId: 'nvr', quantity: 1 }, { productId: 'contact', quantity: 3 }]), fixtureSite([{ productId: 'cam', quantity: 1 }, { productId: 'smoke', quantity: 2 }], { id: 'site-2', name: 'Warehouse' })],
      { audience: 'business', phases: [{ name: 'Cameras', budgetCents: 0 }, { name: 'Alarm', budgetCents: 0 }] },
    );
    const store = await mount(config);
    const phaseOf = () => store.$configuration.get()!.sites.map((site) => site.lines.map((line) => line.phase ?? 0));
    const cameras = (await screen.findByRole('combobox', { name: 'Security cameras' })) as HTMLSelectElement;
    expect(screen.getByRole('combobox', { name: 'Fire and CO safety' })).toBeTruthy();
    fireEvent.change(cameras, { target: { value: '1' } });
    await waitFor(() => expect(phaseOf()).toEqual([[1, 1, 0], [1, 0]]));
    fireEvent.change(screen.getByRole('combobox', { name: 'Intrusion alarms' }), { target: { value: '2' } });
    await waitFor(() => expect(phaseOf()).toEqual([[1, 1, 2], [1, 0]]));
    // A single line can still go its own way; the system's choice then says its lines are split.
    fireEvent.change(screen.getAllByLabelText('Phase')[1]!, { target: { value: '2' } });
    await waitFor(() => expect(phaseOf()).toEqual([[1, 2, 2], [1, 0]]));
    await waitFor(() => expect((screen.getByRole('combobox', { name: 'Security cameras' }) as HTMLSelectElement).value).toBe('mixed'));
    fireEvent.change(screen.getByRole('combobox', { name: 'Security cameras' }), { target: { value: '0' } });
    await waitFor(() => expect(phaseOf()).toEqual([[0, 0, 2], [0, 0]]));
  });
});

describe('site conditions', () => {
  it('applies a valid value in feet and keeps an out-of-range one with the reason', async () => {
    const store = await mount(fixtureConfig([fixtureSite([{ productId: 'cam', quantity: 1 }])]));
    const ceiling = screen.getByLabelText('Highest ceiling');
    fireEvent.input(ceiling, { target: { value: '12' } });
    fireEvent.change(ceiling);
    await waitFor(() => expect(store.$configuration.get()!.sites[0]!.conditions.ceilingHeightM).toBeCloseTo(3.66, 2));
    fireEvent.input(ceiling, { target: { value: '90' } });
    fireEvent.change(ceiling);
    await screen.findByText('at most 20 m (about 65 ft)');
    expect((ceiling as HTMLInputElement).value).toBe('90');
    expect(store.$configuration.get()!.sites[0]!.conditions.ceilingHeightM).toBeCloseTo(3.66, 2);
  });

  it('shows checks about a system the site has no lines for, with the fix', async () => {
    const store = await mount(fixtureConfig([fixtureSite([{ productId: 'cam', quantity: 1 }, { productId: 'nvr', quantity: 1 }], { conditions: { storeys: 1, floorAreaM2: 100, ceilingHeightM: 2.5, wiringAccess: 'open', bedrooms: 2 } })]));
    const other = await screen.findByRole('region', { name: 'Other checks' });
    expect(other.textContent).toContain('Warning: Smoke alarms missing');
    const fix = within(other).getAllByRole('button')[0]!;
    fireEvent.click(fix);
    await waitFor(() => expect(store.$configuration.get()!.sites[0]!.lines.length).toBeGreaterThan(2));
  });

  it('chooses a monitoring plan and shows its terms in the estimate', async () => {
    const store = await mount(fixtureConfig([fixtureSite([{ productId: 'panel', quantity: 1 }, { productId: 'contact', quantity: 3 }])]));
    fireEvent.click(screen.getByRole('radio', { name: /Pro monitoring/ }));
    await waitFor(() => expect(store.$configuration.get()!.sites[0]!.planId).toBe('plan-36'));
    const panel = document.querySelector('.estimate-panel')!;
    await waitFor(() => expect(panel.textContent).toContain('Pro monitoring: $30.00 a month, 36-month contract, from November 23, 2026 to November 22, 2029.'));
    expect(panel.textContent).toContain('Total over the contract');
    expect(panel.textContent).toContain('Cancel with 30 days notice');
  });
});
