import { atom, computed } from 'nanostores';
import { estimate, type Estimate } from '~/domain/estimate/estimate';
import { phaseTotals, type PhaseTotal } from '~/domain/estimate/phases';
import { $siteData, todayIso } from '../site-data';
import { $configuration } from './state';

/*
 * The working configuration's estimate, computed in the browser as it is edited. Apart from the
 * rest of the configuration's state, so that pages that only start a configuration (the
 * assessment's results) do not ship the estimate.
 */

/** Today's date for monitoring terms; an atom so tests can fix it. */
export const $today = atom(todayIso());

export const $estimate = computed([$configuration, $siteData, $today], (config, data, today): Estimate | null => {
  if (!config || !data) return null;
  try {
    return estimate(config, data, { today });
  } catch {
    // Only a configuration that slipped past the catalog checks gets here; the page explains.
    return null;
  }
});

export const $phaseTotals = computed([$configuration, $siteData, $today], (config, data, today): PhaseTotal[] => {
  if (!config || !data || config.phases.length === 0) return [];
  try {
    return phaseTotals(config, data, { today });
  } catch {
    return [];
  }
});
