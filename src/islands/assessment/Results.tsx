import { useStore } from '@nanostores/preact';
import { useEffect, useMemo } from 'preact/hooks';
import type { Configuration } from '~/domain/configuration/configuration';
import type { Settings } from '~/domain/settings/settings';
import type { Path } from '~/domain/premises/draft';
import { assumptionsOf } from '~/domain/premises/assumptions';
import type { DraftReading } from '~/domain/premises/read-draft';
import type { PackageTier } from '~/domain/recommend/tiers';
import { durationText, planPriceText } from '~/domain/wording';
import { goToStep } from '~/stores/assessment';
import { startPackage } from '~/stores/configuration/packages';
import { $packages, loadPackages, packagesKey } from '~/stores/assessment-packages';
import { range } from '../shared/format';
import { matchFirst, summarisePackages, type PackageSummary } from './packages';
import { stepsFor } from '~/domain/premises/steps';
import { fieldLabel } from './field-labels';

interface Props {
  settings: Settings;
  path: Path;
  reading: DraftReading;
}

/** The three packages, the one matching the budget leaning first and highlighted. */
export function Results({ settings, path, reading }: Props) {
  const packages = useStore($packages);
  useEffect(() => void loadPackages(reading.premises), [reading.premises]);
  const current = packages?.key === packagesKey(reading.premises) ? packages : null;
  const summaries = useMemo(() => (current?.status === 'ready' ? matchFirst(summarisePackages(current.priced)) : null), [current]);
  const problems = Object.entries(reading.errors);
  const assumptions = assumptionsOf(reading.premises, settings);
  const steps = stepsFor(path);
  const stepOf = (key: string) => steps.findIndex((s) => s.fields.test(key)) + 1;

  const start = (chosen: PackageSummary, all: PackageSummary[]) => {
    // The other two go along, so the configurator can name the package and switch to another.
    startPackage(chosen.tier, Object.fromEntries(all.map((s) => [s.tier, s.configuration])) as Record<PackageTier, Configuration>);
    window.location.assign('/configure');
  };

  if (!current || current.status === 'loading') {
    return (
      <p class="muted" role="status">
        Pricing your three options…
      </p>
    );
  }

  if (current.status === 'failed') {
    return (
      <div class="callout" role="alert">
        <p>
          We could not price the options just now.{' '}
          <button type="button" class="link-button" onClick={() => void loadPackages(reading.premises)}>
            Try again
          </button>
        </p>
        <p>
          Your answers are kept. You can also <a href="/configure">build your own system</a> or call us on {settings.company.phone}.
        </p>
      </div>
    );
  }

  if (!summaries || summaries.every((s) => s.items === 0)) {
    return (
      <div class="callout" role="alert">
        <p>We could not put packages together from these answers, most likely because our product list is being updated.</p>
        <p>
          You can <a href="/configure">build your own system</a> or call us on {settings.company.phone} and we will price it with you.
        </p>
      </div>
    );
  }

  return (
    <>
      {problems.length > 0 && (
        <div class="callout">
          <p>We used typical values where an answer could not be used:</p>
          <ul>
            {problems.map(([key, message]) => (
              <li key={key}>
                {fieldLabel(key)}: {message}.{' '}
                <button type="button" class="link-button" onClick={() => goToStep(stepOf(key))}>
                  Change it
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <ul class="packages">
        {summaries.map((s) => (
          <li key={s.tier} class={`package${s.highlighted ? ' package--highlighted' : ''}`} aria-labelledby={`package-${s.tier}`}>
            <h3 id={`package-${s.tier}`}>{s.title}</h3>
            {s.highlighted && <p class="package__badge">Matches your budget</p>}
            <p class="package__price">
              {range(s.oneTime, settings)}
              <small> one time, installed, with tax</small>
            </p>
            <dl class="package__facts">
              <dt>Monitoring</dt>
              <dd>{s.termMonths === null ? 'None (you can add it later)' : planPriceText({ monthlyCents: s.monthlyCents, termMonths: s.termMonths }, settings)}</dd>
              <dt>Installation</dt>
              <dd>{durationText(s.duration, settings.locale)}</dd>
              <dt>Devices</dt>
              <dd>{s.items}</dd>
            </dl>
            <p class="package__main">Main items:</p>
            <ul class="package__items">
              {s.mainItems.map((item) => (
                <li key={item.name}>
                  {item.quantity} × {item.name}
                </li>
              ))}
            </ul>
            <button type="button" class={`button${s.highlighted ? '' : ' button--secondary'}`} onClick={() => start(s, summaries)}>
              Start from {s.title}
              <span class="visually-hidden"> package</span>
            </button>
          </li>
        ))}
      </ul>
      {assumptions.length > 0 && (
        <div class="callout">
          <p>Where you left an answer blank, or we did not ask, we assumed a typical figure. The packages above are priced with it:</p>
          <ul>
            {assumptions.map((a) => (
              <li key={a.field}>
                {a.site ? `${a.site}: ` : ''}
                {a.site ? a.what.toLowerCase() : a.what} {a.text}.{' '}
                {stepOf(a.field) > 0 ? (
                  <button type="button" class="link-button" onClick={() => goToStep(stepOf(a.field))}>
                    Change it<span class="visually-hidden">: {a.what.toLowerCase()}</span>
                  </button>
                ) : (
                  'The configurator has it beside the site details.'
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      <p class="muted">
        Each option opens in the configurator, where you can change anything and see the estimate update. Prices are estimates: the low and high figures allow for
        what we can only confirm on site.
      </p>
    </>
  );
}
