import { useMemo, useState } from 'preact/hooks';
import type { Check } from '~/domain/checks';
import { swapOptions } from '~/domain/configuration/choices';
import type { Configuration, Site } from '~/domain/configuration/configuration';
import type { SiteData } from '~/domain/site-data';
import { changeStartDate, removeSiteById, renameSiteTo } from '~/stores/configuration/actions';
import { domId } from '../shared/format';
import { AddDialog } from './AddDialog';
import { CheckList } from './CheckItem';
import { CommitField } from './CommitField';
import { Conditions } from './Conditions';
import { LineRow } from './LineRow';
import { checksForLine, checksForSystem, groupLines } from './model';
import { Plans } from './Plans';
import { SwapDialog } from './SwapDialog';
import './SiteEditor.css';

interface Props {
  data: SiteData;
  config: Configuration;
  site: Site;
  checks: Check[];
  today: string;
  /** Says something to screen-reader users (added, removed, fixed). */
  announce: (message: string) => void;
}

const focusLater = (id: string) => setTimeout(() => document.getElementById(id)?.focus(), 30);

/** Everything about one site: its lines by system with their checks, its conditions and monitoring. */
export function SiteEditor({ data, config, site, checks, today, announce }: Props) {
  const [swapIndex, setSwapIndex] = useState<number | null>(null);
  const [adding, setAdding] = useState(false);
  const groups = useMemo(() => groupLines(site, data.catalog), [site, data]);
  // Checks about a system the site has no lines for yet (no smoke alarms in a home, say).
  const elsewhere = checks.filter((c) => c.siteId === site.id && c.topic !== 'camera-view' && !groups.some((g) => g.id === c.system));
  const hasCameras = groups.some((g) => g.id === 'video' && g.lines.some((l) => l.product.type === 'camera'));
  const business = config.audience === 'business';
  const id = (what: string) => domId('site', site.id, what);
  const format = data.settings;

  return (
    <div class="site-editor">
      <section aria-labelledby={id('lines')}>
        <h2 id={id('lines')} tabIndex={-1}>
          {business ? `${site.name}: equipment and services` : 'Equipment and services'}
        </h2>
        {groups.length === 0 && <p class="callout">Nothing here yet. Add products below, or start from a recommended package with the short assessment.</p>}
        {groups.map((group) => (
          <section key={group.id} class="line-group" aria-labelledby={id(group.id)}>
            <h3 id={id(group.id)} tabIndex={-1}>
              {group.title}
            </h3>
            <ul class="lines">
              {group.lines.map((entry) => (
                <LineRow
                  key={`${entry.index}-${entry.line.productId}`}
                  site={site}
                  entry={entry}
                  data={data}
                  format={format}
                  phases={business ? config.phases : []}
                  checks={checksForLine(checks, site.id, entry.index)}
                  canSwap={swapOptions(entry.product, data.catalog, config.audience).length > 0}
                  onSwap={setSwapIndex}
                  onRemoved={() => {
                    announce(`Removed ${entry.product.name}.`);
                    focusLater(id(group.id));
                  }}
                />
              ))}
            </ul>
            {group.id !== 'services' && <CheckList checks={checksForSystem(checks, site.id, group.id)} onApplied={() => announce('Applied the suggested change.')} />}
          </section>
        ))}
        {elsewhere.length > 0 && (
          <section class="line-group" aria-labelledby={id('other-checks')}>
            <h3 id={id('other-checks')}>Other checks</h3>
            <CheckList checks={elsewhere} onApplied={() => announce('Applied the suggested change.')} />
          </section>
        )}
        <button type="button" class="button" id={id('add')} onClick={() => setAdding(true)}>
          Add products
        </button>
      </section>

      <section aria-labelledby={id('details')}>
        <h2 id={id('details')}>{business ? `${site.name}: site details` : 'About your home'}</h2>
        {business && (
          <div class="site-name">
            <CommitField key={site.id} id={id('name')} label="Site name" initial={site.name} maxLength={80}
              apply={(text) => (text.trim() ? (renameSiteTo(site.id, text), undefined) : 'give the site a name')} />
            {config.sites.length > 1 && (
              <button type="button" class="link-button" onClick={() => { announce(`Removed ${site.name}. You can undo this.`); removeSiteById(site.id); }}>
                Remove this site
              </button>
            )}
          </div>
        )}
        <Conditions key={site.id} data={data} audience={config.audience} site={site} hasCameras={hasCameras} />
      </section>

      <section aria-labelledby={id('monitoring')}>
        <h2 id={id('monitoring')}>Monitoring</h2>
        <Plans data={data} audience={config.audience} site={site} startDate={config.startDate ?? today} />
        <div class="field">
          <label for={id('start')}>Planned start</label>
          <p class="field__hint" id={id('start-hint')}>
            Monitoring terms run from this date. Blank means today.
          </p>
          <input id={id('start')} type="date" min={today} value={config.startDate ?? ''} aria-describedby={id('start-hint')}
            onChange={(e) => changeStartDate((e.currentTarget as HTMLInputElement).value || undefined)} />
        </div>
      </section>

      <SwapDialog
        data={data}
        audience={config.audience}
        site={site}
        lineIndex={swapIndex}
        onClose={() => setSwapIndex(null)}
        onSwapped={(name) => {
          announce(`Swapped to the ${name}.`);
          focusLater(domId('line', site.id, swapIndex ?? 0, 'name'));
        }}
      />
      <AddDialog data={data} audience={config.audience} site={site} open={adding} onClose={() => setAdding(false)} onAdded={announce} />
    </div>
  );
}
