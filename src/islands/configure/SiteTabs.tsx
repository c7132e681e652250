import type { Site } from '~/domain/configuration/configuration';
import './SiteTabs.css';

interface Props {
  sites: Site[];
  /** Selected site id; null for the roll-up across all sites. */
  current: string | null;
  onSelect: (siteId: string) => void;
  onAdd: () => void;
}

/** Tabs for a business's sites and the roll-up: arrow keys move between them (WAI-ARIA tabs pattern). */
export function SiteTabs({ sites, current, onSelect, onAdd }: Props) {
  const tabs = [...(sites.length > 1 ? [{ id: 'all', name: 'All sites' }] : []), ...sites.map((s) => ({ id: s.id, name: s.name }))];
  const selected = current ?? 'all';

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const tab = tabs[(target + tabs.length) % tabs.length]!;
    onSelect(tab.id);
    setTimeout(() => document.getElementById(`tab-${tab.id}`)?.focus(), 0);
  };

  return (
    <div class="site-tabs">
      <div role="tablist" aria-label="Sites" class="site-tabs__list">
        {tabs.map((tab, i) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`tab-${tab.id}`}
            aria-selected={tab.id === selected}
            aria-controls="configurator-panel"
            tabIndex={tab.id === selected ? 0 : -1}
            class="site-tabs__tab"
            onClick={() => onSelect(tab.id)}
            onKeyDown={(e) => onKeyDown(e, i)}
          >
            {tab.name}
          </button>
        ))}
      </div>
      {sites.length < 50 && (
        <button type="button" class="button button--secondary button--small" onClick={onAdd}>
          Add a site
        </button>
      )}
    </div>
  );
}
