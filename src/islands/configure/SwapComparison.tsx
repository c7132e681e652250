import { useStore } from '@nanostores/preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { SiteData } from '~/domain/site-data';
import { swapOptions } from '~/domain/configuration/choices';
import type { Audience, Site } from '~/domain/configuration/configuration';
import { mergeRows } from '~/domain/catalog/compare';
import { lineViewStatus } from '~/domain/checks/camera-view';
import { swapLine } from '~/stores/configuration/actions';
import { $specRows, loadSpecRows, specRowsOf } from '~/stores/spec-rows';
import { Toggle } from '../shared/fields';
import { domId } from '../shared/format';
import { preselectedChoice, priceDifference, swapChoices } from './swap-choices';

/** A view check's result in the dialog's words: passes, or falls short with a warning. */
const viewWords = {
  pass: 'Passes this view',
  warning: 'Warning: falls short of this view',
} as const;

export interface SwapComparisonProps {
  data: SiteData;
  audience: Audience;
  site: Site;
  /** The line being swapped. */
  lineIndex: number;
  /** Whether the table shows only the rows that differ; the dialog keeps it between openings. */
  onlyDifferences: boolean;
  onOnlyDifferences: (only: boolean) => void;
  onClose: () => void;
  /** Called after the swap, with the product swapped to. */
  onSwapped: (name: string) => void;
}

/** The swap dialog's body: the other products in the line's role, and the specs side by side with the differences marked. */
export function SwapComparison({ data, audience, site, lineIndex, onlyDifferences, onOnlyDifferences, onClose, onSwapped }: SwapComparisonProps) {
  const line = site.lines[lineIndex];
  const current = line ? data.catalog.get(line.productId) : undefined;
  const choices = useMemo(() => (current ? swapChoices(site, lineIndex, swapOptions(current, data.catalog, audience), data, data.settings) : []), [current, site, lineIndex, data, audience]);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const choice = choices.find((c) => c.product.id === chosenId) ?? preselectedChoice(choices);
  const chosen = choice?.product;
  const currentView = current ? lineViewStatus(site, lineIndex, data) : null;
  const specs = useStore($specRows);
  useEffect(() => {
    if (current) void loadSpecRows();
  }, [current]);
  const rows = useMemo(() => (current && chosen ? mergeRows([specRowsOf(specs, current.id), specRowsOf(specs, chosen.id)]) : []), [specs, current, chosen]);
  const shown = onlyDifferences ? rows.filter((r) => r.differs) : rows;
  const units = line ? line.quantity - line.reused : 0;

  return (
    <div class="swap-dialog">
      {current && (
        <>
          {currentView && (
            <p>
              Now: {current.name}, <strong>{viewWords[currentView]}</strong> ({line!.view!.label}).
            </p>
          )}
          <fieldset class="field choice">
            <legend>Choose what to compare it with</legend>
            <div class="choice__options">
              {choices.map(({ product: p, view, price }) => (
                <label class="choice__option swap-option" key={p.id}>
                  <input type="radio" name="swap-option" checked={p.id === chosen?.id} onChange={() => setChosenId(p.id)} />
                  <span>
                    {p.name}{' '}
                    <span class="muted">
                      ({p.brand} {p.model})
                    </span>
                    <span class="swap-option__facts">
                      {view && <span class={`swap-option__view swap-option__view--${view}`}>{viewWords[view]}</span>}
                      <span class="swap-option__price">{price}</span>
                    </span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
          {!chosen && (
            <>
              <p role="status">None of these meets this view, so none is chosen: the {current.name} stays unless you pick one to compare.</p>
              <button type="button" class="button button--secondary" onClick={onClose}>
                Keep the {current.name}
              </button>
            </>
          )}
        </>
      )}
      {current && chosen && (
        <>
          {specs.status === 'ready' ? (
            <>
              <Toggle id={domId('swap', 'differences')} label="Show only the differences" checked={onlyDifferences} onValue={onOnlyDifferences} />
              <div class="table-scroll" tabIndex={0} role="region" aria-label="Comparison">
                <table class="compare">
                  <thead>
                    <tr>
                      <th scope="col">
                        <span class="visually-hidden">Specification</span>
                      </th>
                      <th scope="col">Now: {current.name}</th>
                      <th scope="col">{chosen.name}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {shown.map((row) => (
                      <tr key={row.key} class={row.differs ? 'compare__differs' : undefined}>
                        <th scope="row">
                          {row.label}
                          {row.differs && <span class="compare__badge">Differs</span>}
                        </th>
                        <td>{row.values[0]}</td>
                        <td>{row.values[1]}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          ) : specs.status === 'failed' ? (
            <p class="callout" role="alert">
              The specifications could not be loaded.{' '}
              <button type="button" class="link-button" onClick={() => void loadSpecRows()}>
                Try again
              </button>
            </p>
          ) : (
            <p class="muted" role="status">
              Loading the specifications…
            </p>
          )}
          <p>
            <strong>Price difference:</strong> {priceDifference(current, chosen, Math.max(1, units), data.settings)}
            {line!.reused > 0 && ` (for the ${units} new units; the ${line!.reused} you already have are reused)`}. Installation time can change too: the
            estimate updates after the swap.
          </p>
          <div class="button-row">
            <button
              type="button"
              class="button"
              onClick={() => {
                swapLine(site.id, lineIndex, chosen.id);
                onClose();
                onSwapped(chosen.name);
              }}
            >
              Swap to the {chosen.name}
            </button>
            <button type="button" class="button button--secondary" onClick={onClose}>
              Keep the {current.name}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
