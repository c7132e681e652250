// Styles first, in the order they override: shared controls, the island's own rules, then its parts' (a dialog's heading keeps its own margin).
import '../shared/controls.css';
import './Configurator.css';
import './Phases.css';
import { useStore } from '@nanostores/preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { SiteData } from '~/domain/site-data';
import { addNewSite } from '~/stores/configuration/actions';
import { addRequest } from '~/stores/configuration/add-request';
import { $checks, $estimate, $phaseTotals, $pricingState, $today, followPricing, priceAgain } from '~/stores/configuration/server';
import { codeFromHash, dismissLinkProblem, openShareCode } from '~/stores/configuration/share';
import { clearConfiguration, initConfigurator, startEmpty, verifySaved } from '~/stores/configuration/start';
import { $configuration, $linkProblem, $notice, dismissNotice } from '~/stores/configuration/state';
import { $undo, undo } from '~/stores/configuration/undo';
import type { ClientData } from '~/stores/site-data';
import { debounce, range } from '../shared/format';
import { LazyPart, lazyPart } from '../shared/LazyPart';
import { EstimatePanel } from './EstimatePanel';
import { announcement } from './model';
import { PackageBar } from './PackageBar';
import type { PhasesProps } from './Phases';
import { ShareBar } from './ShareBar';
import { SiteEditor } from './SiteEditor';
import { SiteTabs } from './SiteTabs';

interface Props {
  data: ClientData;
}

// Only a business configuration plans phases, so a home's page never downloads the planner.
const phases = lazyPart<PhasesProps>(() => import('./Phases').then((m) => m.Phases));

/** The configurator: start points, the site editor, the live estimate, sharing and requesting. */
export default function Configurator({ data }: Props) {
  const [siteData, setSiteData] = useState<SiteData | null>(null);
  const [opening, setOpening] = useState(false);

  // Runs once the island is live: the stores read localStorage and the fragment only in the browser.
  useEffect(() => {
    setSiteData(initConfigurator(data));
    void verifySaved();
    const adding = addRequest(location.href);
    if (adding) void addFromProductPage(adding.productId);
    const stopPricing = followPricing();
    const openFromHash = async () => {
      const code = codeFromHash(location.hash);
      if (code === null) return;
      setOpening(true);
      await openShareCode(code);
      history.replaceState(null, '', location.pathname + location.search);
      setOpening(false);
    };
    void openFromHash();
    window.addEventListener('hashchange', openFromHash);
    return () => {
      stopPricing();
      window.removeEventListener('hashchange', openFromHash);
    };
  }, [data]);

  if (!siteData) return <Placeholder phone={data.settings.company.phone} />;
  return <Live data={siteData} opening={opening} />;
}

/**
 * "Add to my system" from a product page: only such a visit loads the adding code. Once added, the
 * address loses ?add= so a reload or Back adds nothing more; if the code cannot be fetched, it keeps
 * it, so a reload tries again.
 */
async function addFromProductPage(productId: string) {
  const adding = await import('~/stores/configuration/add').catch(() => null);
  if (!adding) {
    $notice.set({ title: 'We could not add that product just now.', details: ['Check your connection, then reload the page to try again.'] });
    return;
  }
  adding.addFromLink(productId);
  const rest = addRequest(location.href)?.rest;
  if (rest) history.replaceState(history.state, '', rest);
}

function Live({ data, opening }: { data: SiteData; opening: boolean }) {
  const config = useStore($configuration);
  const estimate = useStore($estimate);
  const checks = useStore($checks);
  const pricingState = useStore($pricingState);
  const phaseTotals = useStore($phaseTotals);
  const notice = useStore($notice);
  const undoStep = useStore($undo);
  const linkProblem = useStore($linkProblem);
  const today = useStore($today);
  const [view, setView] = useState<string | null>(null);
  const [spoken, setSpoken] = useState('');
  const say = useMemo(() => debounce(setSpoken, 900), []);
  const firstTotal = useRef<string | null>(null);
  const format = data.settings;

  // Announce the new totals once a change settles (not on the first render).
  const totalKey = estimate ? `${estimate.oneTime.low}-${estimate.oneTime.high}-${estimate.monthlyCents}` : '';
  useEffect(() => {
    if (!estimate) return;
    if (firstTotal.current === null) firstTotal.current = totalKey;
    else say(announcement(estimate, format));
  }, [totalKey]);
  useEffect(() => () => say.cancel(), [say]);

  const sites = config?.sites ?? [];
  const siteId = view === 'all' && sites.length > 1 ? null : (sites.find((s) => s.id === view) ?? sites[0])?.id ?? null;
  const site = sites.find((s) => s.id === siteId);

  return (
    <div class="configurator">
      {opening && (
        <p class="callout" role="status">
          Opening the shared configuration…
        </p>
      )}
      {linkProblem && (
        <div class="notice notice--error" role="alert">
          <p>
            <strong>We could not open this link.</strong> {linkProblem.message}
          </p>
          {linkProblem.issues.length > 0 && (
            <details>
              <summary>What was wrong</summary>
              <ul>
                {linkProblem.issues.slice(0, 8).map((issue, i) => (
                  <li key={i}>{issue.message}</li>
                ))}
              </ul>
            </details>
          )}
          <p>You can:</p>
          <div class="button-row">
            {config && (
              <button type="button" class="button" onClick={dismissLinkProblem}>
                Continue with your saved configuration
              </button>
            )}
            <a class={`button${config ? ' button--secondary' : ''}`} href="/assessment">
              Answer a few questions instead
            </a>
            <button type="button" class="button button--secondary" onClick={() => startEmpty(config?.audience ?? 'home')}>
              Start empty
            </button>
          </div>
          <p class="muted">Or ask whoever sent it for a new link.</p>
        </div>
      )}
      {notice && (
        <div class="notice" role="status">
          <p>
            <strong>{notice.title}</strong>
          </p>
          {notice.details.length > 0 && (
            <ul>
              {notice.details.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          )}
          <button type="button" class="link-button" onClick={dismissNotice}>
            Dismiss
          </button>
        </div>
      )}
      {undoStep && (
        <p class="notice notice--undo" role="status">
          {undoStep.label}{' '}
          <button type="button" class="button button--secondary button--small" onClick={undo}>
            Undo
          </button>
        </p>
      )}

      {!config ? (
        !linkProblem && <StartChooser />
      ) : (
        <>
          <PackageBar />
          {config.audience === 'business' && (
            <SiteTabs
              sites={config.sites}
              current={siteId}
              onSelect={setView}
              onAdd={() => {
                const id = addNewSite(`Site ${config.sites.length + 1}`);
                if (id) {
                  setView(id);
                  setSpoken(`Added a site. Name it under site details.`);
                }
              }}
            />
          )}
          <div class="configurator__layout">
            <div class="configurator__main" id="configurator-panel" role={config.audience === 'business' ? 'tabpanel' : undefined} aria-labelledby={config.audience === 'business' ? `tab-${siteId ?? 'all'}` : undefined}>
              {site ? (
                <SiteEditor data={data} config={config} site={site} checks={checks} today={today} announce={setSpoken} />
              ) : (
                <section aria-labelledby="rollup-heading">
                  <h2 id="rollup-heading">All sites</h2>
                  <p>Each site is installed as its own job, one after the other. Choose a site to change it.</p>
                  <ul class="site-summaries">
                    {sites.map((s) => {
                      const units = s.lines.reduce((n, l) => n + l.quantity, 0);
                      const open = checks.filter((c) => c.siteId === s.id && c.status !== 'pass').length;
                      return (
                        <li key={s.id}>
                          <button type="button" class="link-button" onClick={() => setView(s.id)}>
                            {s.name}
                          </button>
                          : {units} {units === 1 ? 'item' : 'items'}, {open ? `${open} ${open === 1 ? 'check' : 'checks'} to look at` : 'every check passes'}
                        </li>
                      );
                    })}
                  </ul>
                </section>
              )}
              {config.audience === 'business' && (
                <section aria-labelledby="phases-heading">
                  <h2 id="phases-heading">Phases</h2>
                  <LazyPart part={phases} props={{ config, catalog: data.catalog, totals: phaseTotals, oneVisit: estimate?.oneTime ?? null, updating: pricingState !== 'ready', format }} what="the phases" />
                </section>
              )}
              <p>
                <button type="button" class="link-button" onClick={clearConfiguration}>
                  Start over
                </button>
              </p>
            </div>
            <aside class="configurator__aside" id="estimate" aria-labelledby="estimate-heading" aria-busy={pricingState === 'updating'}>
              <h2 id="estimate-heading">Your estimate</h2>
              {/* Not a live region: "Updating…" on every edit would be noise; the new totals are announced once they settle. */}
              <p class="estimate-status muted">
                {pricingState === 'updating' ? (estimate ? 'Updating…' : 'Pricing your configuration…') : ''}
              </p>
              {pricingState === 'unavailable' && (
                <div class={`notice${estimate ? '' : ' notice--error'}`} role="alert">
                  <p>
                    {estimate
                      ? 'We could not update the estimate and the checks just now: they are for your configuration before your last change. Nothing you entered is lost.'
                      : `We could not price your configuration just now. Check your connection and try again, or call us on ${format.company.phone}.`}
                  </p>
                  <button type="button" class="button button--secondary button--small" onClick={priceAgain}>
                    Try again
                  </button>
                </div>
              )}
              {estimate && <EstimatePanel estimate={estimate} format={format} siteId={siteId} onShowSite={setView} />}
              <ShareBar config={config} />
            </aside>
          </div>
          {estimate && (
            <a class="sticky-total" href="#estimate">
              <span>{range(siteId && sites.length > 1 ? estimate.sites.find((s) => s.siteId === siteId)!.oneTime : estimate.oneTime, format)}</span>
              <span class="sticky-total__more">{pricingState === 'ready' ? 'See estimate' : pricingState === 'updating' ? 'Updating…' : 'Not updated'}</span>
            </a>
          )}
        </>
      )}
      <div class="visually-hidden" aria-live="polite" aria-atomic="true">
        {spoken}
      </div>
    </div>
  );
}

function StartChooser() {
  return (
    <section class="start" aria-labelledby="start-heading">
      <h2 id="start-heading">How would you like to start?</h2>
      <ul class="start__options">
        <li class="start__option">
          <h3>With a recommendation</h3>
          <p>Answer a few short questions and choose from three packages, each item explained.</p>
          <a class="button" href="/assessment">
            Start the questions
          </a>
        </li>
        <li class="start__option">
          <h3>From scratch</h3>
          <p>Add the products you want yourself. The checks tell you if anything is missing.</p>
          <div class="button-row">
            <button type="button" class="button button--secondary" onClick={() => startEmpty('home')}>
              For a home
            </button>
            <button type="button" class="button button--secondary" onClick={() => startEmpty('business')}>
              For a business
            </button>
          </div>
        </li>
      </ul>
    </section>
  );
}

/** What the server sends and the page shows until the island is live (and without JavaScript). */
export function Placeholder({ phone }: { phone: string }) {
  return (
    <div class="island-placeholder configurator-placeholder" aria-busy="true">
      <p>
        <strong>Loading the configurator…</strong>
      </p>
      <p class="muted">
        It needs JavaScript and takes a moment. If nothing appears, please check that JavaScript is on, or call us on {phone} and we will price your system with
        you.
      </p>
    </div>
  );
}
