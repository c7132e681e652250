import type { Settings } from '../settings/settings';
import { conditionValueText } from '../wording';
import type { AssumableCondition } from '../settings/vocabulary';
import type { Premises } from './premises';

/** A figure the assessment assumed because the customer left it blank, keyed the draft's way. */
export interface Assumption {
  /** The draft field key ("area", "sites.0.ceiling"), to send the customer back to the question. */
  field: string;
  /** The site it belongs to, for businesses with several. */
  site?: string;
  what: string;
  /** "about 1,950 sq ft (assumed; confirm or change it)". */
  text: string;
}

const draftField: Record<AssumableCondition, { key: string; what: string }> = {
  floorAreaM2: { key: 'area', what: 'Floor area' },
  ceilingHeightM: { key: 'ceiling', what: 'Highest ceiling' },
};

/** Every figure the premises assumed, in the order of the questions, worded as an assumption. */
export function assumptionsOf(premises: Premises, settings: Pick<Settings, 'units' | 'locale'>): Assumption[] {
  const sites = premises.kind === 'home' ? [{ prefix: '', name: undefined, site: premises }] : premises.sites.map((site, i) => ({ prefix: `sites.${i}.`, name: site.name, site }));
  return sites.flatMap(({ prefix, name, site }) =>
    site.assumed.map((key) => ({ field: `${prefix}${draftField[key].key}`, ...(name ? { site: name } : {}), what: draftField[key].what, text: conditionValueText(site, key, settings) })),
  );
}
