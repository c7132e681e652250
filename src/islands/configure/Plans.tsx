import { plansFor } from '~/domain/configuration/choices';
import type { Audience, Site } from '~/domain/configuration/configuration';
import type { SiteData } from '~/domain/site-data';
import { formatMoney } from '~/domain/money';
import { planPriceText, planTermsText } from '~/domain/wording';
import { choosePlan } from '~/stores/configuration/actions';
import { domId } from '../shared/format';
import './Plans.css';

interface Props {
  data: SiteData;
  audience: Audience;
  site: Site;
  /** The date terms run from (planned start, or today). */
  startDate: string;
}

/** Monitoring plan choice with every term in plain words: fee, length, end date, how to cancel. */
export function Plans({ data, audience, site, startDate }: Props) {
  const plans = plansFor(site, data.catalog, audience);
  const { currency, locale } = data.settings;
  const money = (cents: number) => formatMoney(cents, currency, locale);
  const name = domId('plan', site.id);
  if (plans.length === 0) {
    return <p class="muted">Monitoring plans appear here once the site has a system they can watch (alarm, fire or cameras).</p>;
  }
  return (
    <fieldset class="field choice plans">
      <legend>Professional monitoring for {site.name}</legend>
      <div class="choice__options">
        <label class="choice__option plan">
          <input type="radio" name={name} checked={!site.planId} onChange={() => choosePlan(site.id, undefined)} />
          <span>
            <strong>No monitoring</strong>
            <span class="plan__terms">No one watches for you: the system still sounds and records on site. You can add a plan later.</span>
          </span>
        </label>
        {plans.map((plan) => {
          return (
            <label class="choice__option plan" key={plan.id}>
              <input type="radio" name={name} checked={site.planId === plan.id} onChange={() => choosePlan(site.id, plan.id)} />
              <span>
                <strong>{plan.name}</strong>: {planPriceText(plan.specs, data.settings)}
                {plan.priceCents > 0 && `, ${money(plan.priceCents)} to activate`}
                <span class="plan__terms">{planTermsText(plan.specs, startDate, data.settings)}</span>
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
