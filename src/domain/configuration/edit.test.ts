import { describe, expect, it } from 'vitest';
import { fixtureConfig, fixtureData, fixtureSite } from '../fixtures';
import { configurationSchemaFor, type Configuration } from './configuration';
import {
  addProduct,
  addSite,
  applyChange,
  defaultConditions,
  emptyConfiguration,
  nextSiteId,
  removeLine,
  repairForCatalog,
  removeSite,
  renameSite,
  setConditions,
  setLine,
  setPlan,
  setQuantity,
  setRecording,
  setReused,
  setStartDate,
  swapProduct,
} from './edit';
import { addPhase, removePhase, updatePhase } from './phase-plan';

const schema = configurationSchemaFor(fixtureData.catalog);
const valid = (config: Configuration) => expect(schema.safeParse(config).success).toBe(true);

const base = () =>
  fixtureConfig([
    fixtureSite([
      { productId: 'cam', quantity: 3, reused: 1, connection: 'wired', reason: 'Front', view: { label: 'Door', purpose: 'identify', distanceM: 3 } },
      { productId: 'contact', quantity: 4, connection: 'wireless' },
    ]),
  ]);

describe('line edits', () => {
  it('clamp quantities to 1–500 and keep reused units within the quantity', () => {
    const config = base();
    expect(setQuantity(config, 'site-1', 0, 0).sites[0]!.lines[0]).toMatchObject({ quantity: 1, reused: 1 });
    expect(setQuantity(config, 'site-1', 0, 9999).sites[0]!.lines[0]!.quantity).toBe(500);
    expect(setQuantity(config, 'site-1', 0, 2.6).sites[0]!.lines[0]!.quantity).toBe(3);
    expect(setReused(config, 'site-1', 0, 7).sites[0]!.lines[0]!.reused).toBe(3);
    expect(setReused(config, 'site-1', 0, -2).sites[0]!.lines[0]!.reused).toBe(0);
    valid(setReused(config, 'site-1', 0, 7));
  });

  it('never change the configuration they are given', () => {
    const config = base();
    const before = structuredClone(config);
    setQuantity(config, 'site-1', 0, 5);
    removeLine(config, 'site-1', 1);
    setConditions(config, 'site-1', { storeys: 3 });
    addPhase(config, 'One');
    expect(config).toEqual(before);
  });

  it('swap a product keeping quantity, reason and view but dropping the connection', () => {
    const line = swapProduct(base(), 'site-1', 0, 'cam-best').sites[0]!.lines[0]!;
    expect(line).toEqual({ productId: 'cam-best', quantity: 3, reused: 1, reason: 'Front', view: { label: 'Door', purpose: 'identify', distanceM: 3 } });
  });

  it('remove a line and add products, growing a line that already holds one', () => {
    const removed = removeLine(base(), 'site-1', 0);
    expect(removed.sites[0]!.lines.map((l) => l.productId)).toEqual(['contact']);
    const grown = addProduct(base(), 'site-1', 'contact', 2);
    expect(grown.sites[0]!.lines[1]!.quantity).toBe(6);
    // The camera line has a view of its own, so another camera is a new line.
    const added = addProduct(base(), 'site-1', 'cam', 1, 'Back door');
    expect(added.sites[0]!.lines).toHaveLength(3);
    expect(added.sites[0]!.lines[2]).toEqual({ productId: 'cam', quantity: 1, reused: 0, reason: 'Back door' });
  });

  it('set and clear a line connection and phase', () => {
    const phased = setLine(addPhase(base(), 'First'), 'site-1', 1, { phase: 1, connection: 'wired' });
    expect(phased.sites[0]!.lines[1]).toMatchObject({ phase: 1, connection: 'wired' });
    const cleared = setLine(phased, 'site-1', 1, { phase: undefined });
    expect(cleared.sites[0]!.lines[1]).not.toHaveProperty('phase');
    expect(cleared.sites[0]!.lines[1]!.connection).toBe('wired');
  });

  it('choose and clear a monitoring plan', () => {
    const planned = setPlan(base(), 'site-1', 'plan-36');
    expect(planned.sites[0]!.planId).toBe('plan-36');
    expect(setPlan(planned, 'site-1', undefined).sites[0]).not.toHaveProperty('planId');
  });

  it('apply every kind of suggested change', () => {
    expect(applyChange(base(), { action: 'swap', siteId: 'site-1', lineIndex: 0, productId: 'cam-best' }).sites[0]!.lines[0]!.productId).toBe('cam-best');
    expect(applyChange(base(), { action: 'quantity', siteId: 'site-1', lineIndex: 1, quantity: 8 }).sites[0]!.lines[1]!.quantity).toBe(8);
    expect(applyChange(base(), { action: 'add', siteId: 'site-1', productId: 'nvr', quantity: 1, reason: 'Records' }).sites[0]!.lines[2]).toMatchObject({ productId: 'nvr', reason: 'Records' });
  });
});

describe('site edits', () => {
  it('start an empty configuration that passes the schema', () => {
    for (const audience of ['home', 'business'] as const) {
      const config = emptyConfiguration(audience);
      valid(config);
      expect(config.sites[0]!.lines).toEqual([]);
      expect(config.sites[0]!.conditions).toEqual(defaultConditions(audience));
    }
    expect(defaultConditions('home').bedrooms).toBe(3);
    expect(defaultConditions('business').exits).toBe(2);
  });

  it('change conditions and clear optional ones', () => {
    const changed = setConditions(base(), 'site-1', { storeys: 3, ceilingHeightM: 4, postalCode: undefined, bedrooms: 4 });
    expect(changed.sites[0]!.conditions).toEqual({ storeys: 3, floorAreaM2: 100, ceilingHeightM: 4, wiringAccess: 'open', bedrooms: 4 });
    valid(changed);
  });

  it('take a typed or confirmed figure as the customer\'s own, no longer assumed', () => {
    const site = emptyConfiguration('home');
    expect(site.sites[0]!.conditions.assumed).toEqual(['floorAreaM2', 'ceilingHeightM']);
    const typed = setConditions(site, 'home', { floorAreaM2: 150 });
    expect(typed.sites[0]!.conditions.assumed).toEqual(['ceilingHeightM']);
    const confirmed = setConditions(typed, 'home', { ceilingHeightM: 2.44 });
    expect(confirmed.sites[0]!.conditions).not.toHaveProperty('assumed');
    valid(confirmed);
  });

  it('set and reset video retention', () => {
    const kept = setRecording(base(), 'site-1', { retentionDays: 90, mode: 'motion' });
    expect(kept.sites[0]!.recording).toEqual({ retentionDays: 90, mode: 'motion' });
    expect(setRecording(kept, 'site-1', undefined).sites[0]).not.toHaveProperty('recording');
  });

  it('add sites with unique ids, rename them and remove all but the last', () => {
    let config = addSite(emptyConfiguration('business'), '  Warehouse  ');
    expect(config.sites.map((s) => [s.id, s.name])).toEqual([['site-1', 'Site 1'], ['site-2', 'Warehouse']]);
    config = removeSite(config, 'site-1');
    config = addSite(config, '');
    expect(config.sites.map((s) => s.id)).toEqual(['site-2', 'site-3']);
    expect(config.sites[1]!.name).toBe('Site 2');
    expect(nextSiteId(config)).toBe('site-4');
    config = renameSite(config, 'site-2', 'Main warehouse');
    expect(renameSite(config, 'site-2', '   ').sites[0]!.name).toBe('Main warehouse');
    config = removeSite(removeSite(config, 'site-3'), 'site-2');
    expect(config.sites).toHaveLength(1);
    valid(config);
  });

  it('stop adding sites at 50', () => {
    let config = emptyConfiguration('business');
    for (let i = 0; i < 60; i++) config = addSite(config, `Store ${i}`);
    expect(config.sites).toHaveLength(50);
    valid(config);
  });
});

describe('phases', () => {
  const phased = () => {
    let config = addPhase(addPhase(addPhase(base(), 'First', 500_000), 'Second'), 'Third', 100);
    config = setLine(config, 'site-1', 0, { phase: 2 });
    return setLine(config, 'site-1', 1, { phase: 3 });
  };

  it('add phases with budgets, name blank ones and stop at 12', () => {
    expect(phased().phases).toEqual([{ name: 'First', budgetCents: 500_000 }, { name: 'Second', budgetCents: 0 }, { name: 'Third', budgetCents: 100 }]);
    expect(addPhase(base(), ' ', -5).phases).toEqual([{ name: 'Phase 1', budgetCents: 0 }]);
    let config = base();
    for (let i = 0; i < 15; i++) config = addPhase(config, 'P');
    expect(config.phases).toHaveLength(12);
    valid(phased());
  });

  it('rename a phase and change its budget', () => {
    const changed = updatePhase(phased(), 1, { name: 'Cameras', budgetCents: 250_000.4 });
    expect(changed.phases[1]).toEqual({ name: 'Cameras', budgetCents: 250_000 });
    expect(updatePhase(phased(), 0, { name: '' }).phases[0]!.name).toBe('First');
  });

  it('remove a phase, unphasing its lines and renumbering later ones', () => {
    const removed = removePhase(phased(), 1);
    expect(removed.phases.map((p) => p.name)).toEqual(['First', 'Third']);
    expect(removed.sites[0]!.lines[0]).not.toHaveProperty('phase');
    expect(removed.sites[0]!.lines[1]!.phase).toBe(2);
    valid(removed);
    expect(removePhase(phased(), 7)).toEqual(phased());
  });

  it('set and clear the start date', () => {
    expect(setStartDate(base(), '2027-01-15').startDate).toBe('2027-01-15');
    expect(setStartDate(setStartDate(base(), '2027-01-15'), undefined)).not.toHaveProperty('startDate');
    expect(setStartDate(base(), 'soon')).not.toHaveProperty('startDate');
  });
});

describe('repairForCatalog', () => {
  const { catalog } = fixtureData;

  it('returns a configuration that fits the catalog unchanged', () => {
    const config = base();
    const repaired = repairForCatalog(config, catalog);
    expect(repaired.configuration).toBe(config);
    expect(repaired.changes).toEqual([]);
  });

  it('removes gone products, fixes connections and reuse, and unsets a gone plan', () => {
    const config = fixtureConfig([
      fixtureSite(
        [
          { productId: 'discontinued', quantity: 2 },
          { productId: 'panel', quantity: 1, connection: 'wired' },
          { productId: 'handover', quantity: 1, reused: 1 },
          { productId: 'cat6', quantity: 1 },
          { productId: 'smoke', quantity: 2 },
        ],
        { planId: 'plan-gone' },
      ),
    ]);
    const { configuration, changes } = repairForCatalog(config, catalog);
    expect(configuration.sites[0]!.lines).toEqual([
      { productId: 'panel', quantity: 1, reused: 0 },
      { productId: 'handover', quantity: 1, reused: 0 },
      { productId: 'smoke', quantity: 2, reused: 0 },
    ]);
    expect(configuration.sites[0]).not.toHaveProperty('planId');
    expect(changes).toHaveLength(4);
    expect(changes[0]).toContain('"discontinued" is no longer offered');
    valid(configuration);
  });
});
