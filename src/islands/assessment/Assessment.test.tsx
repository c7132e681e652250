// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { hydrate, render as renderInto } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fixtureGuidelines, fixturePremisesRules, fixtureProducts, fixtureSettings } from '~/domain/fixtures';
import type { AssessmentData } from '~/stores/assessment';
import { createCatalog } from '~/domain/catalog/catalog';
import type { Premises } from '~/domain/premises/premises';
import { answerEstimateEndpoint } from '~tests/helpers/estimate-endpoint';

const data: AssessmentData = { settings: { ...fixtureSettings, units: 'imperial' }, guidelines: fixtureGuidelines };
const siteData = { catalog: createCatalog(fixtureProducts), settings: data.settings, guidelines: fixtureGuidelines };

async function mount() {
  vi.resetModules();
  const { default: Assessment } = await import('./Assessment');
  const store = await import('~/stores/assessment');
  const configuration = await import('~/stores/configuration/state');
  render(<Assessment data={data} premisesRules={fixturePremisesRules} />);
  // Live once the island has its data: its buttons are disabled until then.
  await waitFor(() => expect(store.$assessmentData.get()).not.toBeNull());
  return { store, configuration };
}

let asked: Premises[] = [];
beforeEach(() => {
  localStorage.clear();
  asked = answerEstimateEndpoint(siteData, '2026-11-23');
});
afterEach(() => cleanup());

describe('assessment island', () => {
  it('says the options are being priced, and offers to try again when the server could not price them, keeping the answers', async () => {
    let status = 503;
    asked = answerEstimateEndpoint(siteData, '2026-11-23', { status: () => status });
    const { store } = await mount();
    fireEvent.click(await screen.findByRole('button', { name: /A home/ }));
    store.updateHome({ bedrooms: '4' });
    store.goToStep(7);
    expect((await screen.findByRole('status')).textContent).toBe('Pricing your three options…');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('We could not price the options just now.');
    expect(store.$assessment.get().home.bedrooms).toBe('4');
    status = 200;
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await screen.findByRole('button', { name: 'Start from Recommended package' });
    expect(asked).toHaveLength(2);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('renders its first step on the server as it is once live, so nothing on the page moves as it loads', async () => {
    vi.resetModules();
    const { default: Assessment } = await import('./Assessment');
    const served = renderToString(<Assessment data={data} premisesRules={fixturePremisesRules} />);
    expect(served).toContain('Is this for a home or a business?');
    expect(served).not.toMatch(/Loading/i);
    // Until the island is live a click would do nothing, so the buttons say they cannot be used yet.
    expect(served.match(/<button[^>]*class="path-choice__button"[^>]*>/g)?.every((tag) => / disabled/.test(tag))).toBe(true);
    const root = document.createElement('div');
    root.innerHTML = served;
    document.body.append(root);
    await act(() => hydrate(<Assessment data={data} premisesRules={fixturePremisesRules} />, root));
    await waitFor(() => expect((within(root).getByRole('button', { name: /A home/ }) as HTMLButtonElement).disabled).toBe(false));
    const enabled = (html: string) => html.replace(/ disabled(="")?/g, '');
    expect(enabled(root.innerHTML)).toBe(enabled(served));
    fireEvent.click(within(root).getByRole('button', { name: /A home/ }));
    await within(root).findByRole('heading', { name: 'Your home' });
    renderInto(null, root);
    root.remove();
  });

  it('asks home or business first, then the first home step', async () => {
    await mount();
    fireEvent.click(await screen.findByRole('button', { name: /A home/ }));
    await screen.findByRole('heading', { name: 'Your home' });
    expect(screen.getByText('Step 1 of 6')).toBeTruthy();
    await waitFor(() => expect(document.activeElement?.id).toBe('assessment-step'));
  });

  it('names a bad answer next to its field, keeps it, and focuses it', async () => {
    await mount();
    fireEvent.click(await screen.findByRole('button', { name: /A home/ }));
    const area = (await screen.findByLabelText('Total floor area')) as HTMLInputElement;
    fireEvent.input(area, { target: { value: 'about 2000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('Floor area: enter a number');
    expect(area.getAttribute('aria-invalid')).toBe('true');
    expect(area.getAttribute('aria-describedby')).toContain('q-area-error');
    expect(document.getElementById('q-area-error')!.textContent).toContain('enter a number');
    expect(area.value).toBe('about 2000');
    await waitFor(() => expect(document.activeElement).toBe(area));
    fireEvent.input(area, { target: { value: '2000' } });
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('heading', { name: 'Doors and windows' });
  });

  it('skips steps and shows three packages with the budget match first and highlighted', async () => {
    const { store } = await mount();
    fireEvent.click(await screen.findByRole('button', { name: /A home/ }));
    await screen.findByRole('heading', { name: 'Your home' });
    store.updateHome({ budget: 'complete', goals: ['deter', 'fire-co', 'monitoring'] });
    for (let i = 0; i < 6; i++) fireEvent.click(screen.getByRole('button', { name: 'Skip this step' }));
    await screen.findByRole('heading', { name: 'Three ways to protect your home' });
    await screen.findByRole('button', { name: 'Start from Complete package' });
    // Priced by the server, from the answers as the store read them.
    expect(asked.at(-1)).toEqual(store.$reading.get()!.premises);
    const packages = screen.getAllByRole('listitem').filter((li) => li.classList.contains('package'));
    expect(packages.map((p) => p.querySelector('h3')!.textContent)).toEqual(['Complete', 'Essential', 'Recommended']);
    expect(packages.map((p) => p.classList.contains('package--highlighted'))).toEqual([true, false, false]);
    expect(within(packages[0]!).getByText('Matches your budget')).toBeTruthy();
    for (const p of packages) expect(p.querySelector('.package__price')!.textContent).toMatch(/^\$[\d,]+ – \$[\d,]+/);
  });

  it('lists answers that could not be used on the results, with a way back to them', async () => {
    const { store } = await mount();
    fireEvent.click(await screen.findByRole('button', { name: /A home/ }));
    store.updateHome({ bedrooms: 'several' });
    store.goToStep(7);
    await screen.findByRole('heading', { name: 'Three ways to protect your home' });
    expect(await screen.findByText(/Bedrooms: enter a number/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Change it' }));
    await screen.findByRole('heading', { name: 'Your home' });
  });

  it('starts the configurator from the chosen package', async () => {
    const assign = vi.fn();
    vi.stubGlobal('location', { ...location, href: location.href, assign });
    const { store, configuration } = await mount();
    const packages = await import('~/stores/configuration/packages');
    fireEvent.click(await screen.findByRole('button', { name: /A home/ }));
    store.goToStep(7);
    fireEvent.click(await screen.findByRole('button', { name: 'Start from Essential package' }));
    expect(configuration.$configuration.get()!.audience).toBe('home');
    expect(configuration.$configuration.get()!.sites[0]!.lines.length).toBeGreaterThan(0);
    // The configurator can name the package and switch to the other two.
    expect(packages.$packageStatus.get()).toEqual({ tier: 'essential', title: 'Essential', customized: false });
    expect(packages.$package.get()!.packages.complete.sites[0]!.lines.length).toBeGreaterThan(0);
    expect(assign).toHaveBeenCalledWith('/configure');
    vi.unstubAllGlobals();
  });

  it('asks for business sites and adds and removes them', async () => {
    const { store } = await mount();
    fireEvent.click(await screen.findByRole('button', { name: /A business/ }));
    await screen.findByRole('heading', { name: 'Your business' });
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('heading', { name: 'Your sites' });
    fireEvent.click(screen.getByRole('button', { name: 'Add another site' }));
    await screen.findByRole('group', { name: 'Site 2: Site 2' });
    fireEvent.input(screen.getAllByLabelText('Site name')[1]!, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByText('Site 2: Name: give the site a name');
    fireEvent.click(screen.getByRole('button', { name: 'Remove site 2' }));
    await waitFor(() => expect(store.$assessment.get().business.sites).toHaveLength(1));
  });

  it('asks a business about monitoring, month to month unless it picks otherwise, and plans by the answer', async () => {
    const { store } = await mount();
    fireEvent.click(await screen.findByRole('button', { name: /A business/ }));
    store.goToStep(5);
    await screen.findByRole('heading', { name: 'Monitoring and budget' });
    const question = screen.getByRole('group', { name: 'Should a monitoring center watch your alarms?' });
    expect((within(question).getByRole('radio', { name: /month to month/ }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(question).getByRole('radio', { name: 'No professional monitoring' }));
    expect(store.$assessment.get().business.monitoring).toBe('none');
    fireEvent.click(screen.getByRole('button', { name: 'See my options' }));
    await screen.findByRole('heading', { name: 'Three ways to protect your business' });
    await screen.findAllByRole('button', { name: /^Start from/ });
    for (const facts of document.querySelectorAll('.package__facts')) expect(facts.textContent).toContain('None (you can add it later)');
  });

  it('makes each step a history entry: Back and Forward step through it, and a reload stays on the step with the answers', async () => {
    history.replaceState(null, '', '/assessment');
    const { store } = await mount();
    fireEvent.click(await screen.findByRole('button', { name: /A home/ }));
    await screen.findByRole('heading', { name: 'Your home' });
    expect(location.search).toBe('?step=1');
    store.updateHome({ bedrooms: '4' });
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('heading', { name: 'Doors and windows' });
    fireEvent.click(screen.getByRole('button', { name: 'Skip this step' }));
    await screen.findByRole('heading', { name: 'Heating and pets' });
    expect(location.search).toBe('?step=3');

    history.back();
    await screen.findByRole('heading', { name: 'Doors and windows' });
    expect(location.search).toBe('?step=2');
    history.back();
    await screen.findByRole('heading', { name: 'Your home' });
    history.forward();
    await screen.findByRole('heading', { name: 'Doors and windows' });
    history.back();
    history.back();
    await screen.findByRole('heading', { name: 'Is this for a home or a business?' });
    expect(location.search).toBe('');
    history.forward();
    await screen.findByRole('heading', { name: 'Your home' });

    // A reload: a fresh island reads the step and the answers back.
    cleanup();
    const reloaded = await mount();
    await screen.findByRole('heading', { name: 'Your home' });
    expect(location.search).toBe('?step=1');
    expect(reloaded.store.$assessment.get().home.bedrooms).toBe('4');
  });
});
