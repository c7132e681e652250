import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadData } from '~tests/helpers/data-files';
import { recommend } from '../recommend/recommend';
import { formatNumber, type UnitSystem } from '../units';
import { conditionValueText } from '../wording';
import { assumptionsOf } from './assumptions';
import { newBusinessDraft, newHomeDraft, newSiteDraft } from './draft';
import { readDraft } from './read-draft';
import { fixturePremisesRules } from '../fixtures';

const data = loadData();
const locale = 'en-US';
const assumedWords = /^about ([\d,.]+) (sq ft|m²|ft|m) \(assumed; confirm or change it\)$/;

/** A figure as a customer types it: blank, a whole area, a ceiling to a tenth. */
const areaText = fc.option(fc.integer({ min: 250, max: 30_000 }), { nil: undefined });
const ceilingText = fc.option(fc.integer({ min: 70, max: 320 }).map((tenths) => tenths / 10), { nil: undefined });
const units = fc.constantFrom<UnitSystem>('imperial', 'metric');

function expectWording(text: string, typed: number | undefined, step: number, units: UnitSystem) {
  if (typed === undefined) {
    // Assumed: said so, and rounded as a rough figure (50 sq ft or 5 m² of area, half a foot or 0.1 m of ceiling).
    const match = assumedWords.exec(text);
    expect(match, text).not.toBeNull();
    const value = Number(match![1]!.replace(/,/g, ''));
    expect(Math.round(value / step) * step).toBeCloseTo(value, 9);
  } else {
    expect(text).not.toMatch(/about|assumed/);
    expect(text.startsWith(`${formatNumber(typed, locale, 1)} `), `${text} for ${typed} (${units})`).toBe(true);
  }
}

const steps = (u: UnitSystem) => ({ area: u === 'imperial' ? 50 : 5, ceiling: u === 'imperial' ? 0.5 : 0.1 });

describe('figures the assessment assumed', () => {
  it('read as assumptions, rounded, on a home; what the customer typed reads as typed', () => {
    fc.assert(
      fc.property(areaText, units, (area, u) => {
        const settings = { units: u, locale };
        const { premises, errors } = readDraft('home', { ...newHomeDraft(), area: area === undefined ? '' : String(area) }, u, fixturePremisesRules);
        if (errors.area) return; // out of the schema's range: not this rule's concern
        const conditions = recommend(premises, { ...data, settings: { ...data.settings, units: u } }).packages.recommended.sites[0]!.conditions;
        expectWording(conditionValueText(conditions, 'floorAreaM2', settings), area, steps(u).area, u);
        // The home path never asks for the ceiling: it is always assumed.
        expectWording(conditionValueText(conditions, 'ceilingHeightM', settings), undefined, steps(u).ceiling, u);
        const listed = assumptionsOf(premises, settings).map((a) => a.field);
        expect(listed).toEqual(area === undefined ? ['area', 'ceiling'] : ['ceiling']);
      }),
      { numRuns: 60 },
    );
  });

  it('read as assumptions, rounded, on every business site; what the customer typed reads as typed', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ area: areaText, ceiling: ceilingText }), { minLength: 1, maxLength: 3 }), units, (answers, u) => {
        const settings = { units: u, locale };
        const draft = { ...newBusinessDraft(), sites: answers.map((a, i) => ({ ...newSiteDraft(i + 1), area: a.area === undefined ? '' : String(a.area), ceiling: a.ceiling === undefined ? '' : String(a.ceiling) })) };
        const { premises, errors } = readDraft('business', draft, u, fixturePremisesRules);
        const sites = recommend(premises, { ...data, settings: { ...data.settings, units: u } }).packages.recommended.sites;
        answers.forEach((a, i) => {
          if (errors[`sites.${i}.area`] || errors[`sites.${i}.ceiling`]) return; // out of the schema's range: not this rule's concern
          expectWording(conditionValueText(sites[i]!.conditions, 'floorAreaM2', settings), a.area, steps(u).area, u);
          expectWording(conditionValueText(sites[i]!.conditions, 'ceilingHeightM', settings), a.ceiling, steps(u).ceiling, u);
        });
        for (const assumption of assumptionsOf(premises, settings)) expect(assumption.text).toMatch(assumedWords);
      }),
      { numRuns: 60 },
    );
  });
});
