import type { Catalog } from '../catalog/catalog';
import type { Audience } from '../configuration/configuration';
import type { Guidelines } from '../guidelines/guidelines';
import type { Cents } from '../money';
import type { Settings } from '../settings/settings';

export interface EstimateData {
  catalog: Catalog;
  settings: Settings;
  /** For reasons that say what a camera does for its view. */
  guidelines: Guidelines;
}

/** What every line is priced with: the data, who the job is for, when it starts and how money reads. */
export interface PricingContext extends EstimateData {
  audience: Audience;
  startDate: string;
  money: (cents: Cents) => string;
}
