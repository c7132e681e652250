import type { Catalog } from '../catalog/catalog';
import type { Audience } from '../configuration/configuration';
import type { Cents } from '../money';
import type { Settings } from '../settings/settings';

export interface EstimateData {
  catalog: Catalog;
  settings: Settings;
}

/** What every line is priced with: the data, who the job is for, when it starts and how money reads. */
export interface PricingContext extends EstimateData {
  audience: Audience;
  startDate: string;
  money: (cents: Cents) => string;
}
