import type { Estimate, PlanTerms, SiteEstimate } from '~/domain/estimate/estimate';
import { formatDate } from '~/domain/estimate/dates';
import { formatMoney, type Range } from '~/domain/money';
import { daysCell, durationText, driverText, earlyTerminationText, minimumTopUpText, monthlyFeeText, planPriceText } from '~/domain/wording';
import { range, type Format } from '../shared/format';
import './EstimatePanel.css';

interface Props {
  estimate: Estimate;
  format: Format;
  /** A site's estimate, or null for the roll-up across every site. */
  siteId: string | null;
  onShowSite?: (siteId: string) => void;
}

const kindWords = { equipment: 'Equipment', service: 'Service', permit: 'Permit', labor: 'Labor', materials: 'Materials', travel: 'Travel' } as const;

function Money({ value, f }: { value: Range; f: Format }) {
  return <span class="amount">{range(value, f)}</span>;
}

function PlanFacts({ plan, f }: { plan: PlanTerms; f: Format }) {
  return (
    <>
      <dt>Monitoring</dt>
      <dd>
        {plan.name}: {planPriceText(plan, f)}
        {plan.endDate ? `, from ${formatDate(plan.startDate, f.locale)} to ${formatDate(plan.endDate, f.locale)}` : `, from ${formatDate(plan.startDate, f.locale)}`}.{' '}
        {earlyTerminationText(plan, plan.startDate, f)}
        <span class="estimate-panel__terms">{plan.cancellation}</span>
      </dd>
      <dt>Total over {plan.termMonths ? 'the contract' : 'the first 12 months'}</dt>
      <dd>
        <Money value={plan.totalOverTerm} f={f} /> <span class="muted">(one time plus {plan.monthsCounted} monthly fees)</span>
      </dd>
    </>
  );
}

function Breakdown({ site, f }: { site: SiteEstimate; f: Format }) {
  return (
    <details class="breakdown" open>
      <summary>What makes up {site.name}’s estimate</summary>
      <ul class="breakdown__lines">
        {site.lines.map((l, i) => (
          <li key={i} class="breakdown__line">
            <p class="breakdown__row">
              <span>
                <span class="breakdown__kind">{kindWords[l.kind]}: </span>
                {l.quantity && l.kind === 'equipment' ? `${l.quantity - (l.reused ?? 0)} × ` : ''}
                {l.label}
                {l.model && <span class="muted"> ({l.model})</span>}
              </span>
              <Money value={l.amount} f={f} />
            </p>
            <p class="breakdown__reason">{l.reason}</p>
            {l.drivers.length > 0 && (
              <p class="breakdown__drivers">
                Why it is a range: {l.drivers.map((d) => driverText(d, f.locale)).join('; ')}.
              </p>
            )}
          </li>
        ))}
      </ul>
      <dl class="breakdown__totals">
        {(site.minimumTopUp.atLow > 0 || site.minimumTopUp.atHigh > 0) && (
          <>
            <dt>Minimum charge top-up</dt>
            <dd>
              <span class="amount">{minimumTopUpText(site.minimumTopUp, f)}</span>
              <span class="muted"> (small jobs are billed at least our minimum for the work)</span>
            </dd>
          </>
        )}
        <dt>Subtotal</dt>
        <dd>
          <Money value={site.subtotal} f={f} />
        </dd>
        <dt>Tax</dt>
        <dd>
          <Money value={site.tax} f={f} />
        </dd>
        <dt>One-time total</dt>
        <dd>
          <strong>
            <Money value={site.oneTime} f={f} />
          </strong>
        </dd>
      </dl>
      {site.travelZone.assumed && <p class="muted">Without a ZIP code we assume the {site.travelZone.name} travel zone and allow for more.</p>}
      {site.plan && <p class="muted">Monitoring fees are billed monthly and are not in the one-time total. {monthlyFeeText(site.plan.monthlyCents, f)}.</p>}
    </details>
  );
}

/** The live estimate: headline range, duration, monitoring terms and the line-by-line breakdown. */
export function EstimatePanel({ estimate, format: f, siteId, onShowSite }: Props) {
  const site = siteId === null ? null : estimate.sites.find((s) => s.siteId === siteId);
  const oneTime = site ? site.oneTime : estimate.oneTime;
  const duration = site ? site.duration : estimate.duration;
  const money = (cents: number) => formatMoney(cents, f.currency, f.locale);
  const multi = estimate.sites.length > 1;
  const plans = estimate.sites.filter((s) => s.plan);

  return (
    <div class="estimate-panel">
      <p class="estimate-panel__label">{site ? (multi ? `${site.name}, one time` : 'One time, installed, with tax') : 'All sites, one time, with tax'}</p>
      <p class="estimate-panel__total">{range(oneTime, f)}</p>
      <dl class="estimate-panel__facts">
        <dt>Installation</dt>
        <dd>{durationText(duration, f.locale)}</dd>
        {site?.plan && <PlanFacts plan={site.plan} f={f} />}
        {!site && plans.length > 0 && (
          <>
            <dt>Monitoring</dt>
            <dd>
              {monthlyFeeText(estimate.monthlyCents, f)} across {plans.length === 1 ? '1 site' : `${plans.length} sites`}
            </dd>
            <dt>Total over the terms</dt>
            <dd>
              <Money value={estimate.totalOverTerm} f={f} />
            </dd>
          </>
        )}
        {site && !site.plan && (
          <>
            <dt>Monitoring</dt>
            <dd>None chosen</dd>
          </>
        )}
      </dl>
      {site ? (
        <Breakdown site={site} f={f} />
      ) : (
        <div class="table-scroll" tabIndex={0} role="region" aria-label="Estimate by site">
          <table class="rollup">
            <thead>
              <tr>
                <th scope="col">Site</th>
                <th scope="col">One time</th>
                <th scope="col">Monthly</th>
                <th scope="col">On site</th>
              </tr>
            </thead>
            <tbody>
              {estimate.sites.map((s) => (
                <tr key={s.siteId}>
                  <th scope="row">
                    {onShowSite ? (
                      <button type="button" class="link-button" onClick={() => onShowSite(s.siteId)}>
                        {s.name}
                      </button>
                    ) : (
                      s.name
                    )}
                  </th>
                  <td>{range(s.oneTime, f)}</td>
                  <td>{s.plan ? money(s.plan.monthlyCents) : '—'}</td>
                  <td>{daysCell(s.duration)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">All sites</th>
                <td>{range(estimate.oneTime, f)}</td>
                <td>{estimate.monthlyCents ? money(estimate.monthlyCents) : '—'}</td>
                <td>{daysCell(estimate.duration)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      <p class="muted estimate-panel__note">
        Equipment is at our listed prices. Labor, cable, travel and permits are a range until the site survey; the drivers above say why.
      </p>
    </div>
  );
}
