import { useStore } from '@nanostores/preact';
import { useState } from 'preact/hooks';
import { packageTiers, packageTitles, type PackageTier } from '~/domain/recommend/tiers';
import { $packageStatus, switchPackage } from '~/stores/configuration/packages';
import './PackageBar.css';

/**
 * Which package the configuration is (and "Customized" once its lines were changed), with a switch to
 * the others. Switching away from changes asks first; the undo bar can bring them back after.
 */
export function PackageBar() {
  const status = useStore($packageStatus);
  const [asking, setAsking] = useState<PackageTier | null>(null);
  if (!status) return null;

  const choose = (tier: PackageTier) => {
    if (status.customized) setAsking(tier);
    else switchPackage(tier);
  };
  const others = packageTiers.filter((tier) => tier !== status.tier);

  return (
    <section class="package-bar" aria-labelledby="package-bar-heading">
      <h2 id="package-bar-heading" class="package-bar__name">
        <span class="package-bar__label">Your package:</span> {status.title}
        {status.customized && (
          <>
            {' '}
            <span class="package-bar__badge">Customized</span>
          </>
        )}
      </h2>
      {asking ? (
        <div class="package-bar__confirm" role="alertdialog" aria-labelledby="package-bar-question">
          <p id="package-bar-question">
            {asking === status.tier
              ? `Put the ${packageTitles[asking]} package back as we offered it? Your changes to it go.`
              : `Switch to the ${packageTitles[asking]} package? Your changes to the ${status.title} package go.`}{' '}
            You can undo this straight after.
          </p>
          <div class="button-row">
            <button type="button" class="button button--small" autoFocus onClick={() => { switchPackage(asking); setAsking(null); }}>
              {asking === status.tier ? `Put ${packageTitles[asking]} back` : `Switch to ${packageTitles[asking]}`}
            </button>
            <button type="button" class="button button--secondary button--small" onClick={() => setAsking(null)}>
              Keep my changes
            </button>
          </div>
        </div>
      ) : (
        <div class="button-row package-bar__switch">
          {others.map((tier) => (
            <button key={tier} type="button" class="button button--secondary button--small" onClick={() => choose(tier)}>
              Switch to {packageTitles[tier]}
            </button>
          ))}
          {status.customized && (
            <button type="button" class="link-button" onClick={() => choose(status.tier)}>
              Undo my changes to {status.title}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
