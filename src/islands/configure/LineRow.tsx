import type { Check } from '~/domain/checks';
import type { Site } from '~/domain/configuration/configuration';
import { lineReason } from '~/domain/configuration/reason';
import type { SiteData } from '~/domain/site-data';
import { isInstalled } from '~/domain/catalog/guards';
import { connectionFor } from '~/domain/estimate/conditions';
import { formatMoney } from '~/domain/money';
import { changeQuantity, changeReused, removeLineAt, setConnection, setPhase } from '~/stores/configuration/actions';
import { domId, type Format } from '../shared/format';
import { CheckList } from './CheckItem';
import { offersBoth, type ResolvedLine } from './model';
import { Stepper } from './Stepper';
import './LineRow.css';

interface Props {
  site: Site;
  entry: ResolvedLine;
  data: SiteData;
  format: Format;
  phases: { name: string }[];
  checks: Check[];
  canSwap: boolean;
  onSwap: (lineIndex: number) => void;
  /** Called after a line is removed, so focus can move somewhere sensible. */
  onRemoved: () => void;
}

/** One line: the product, why it is there, how many, and what can be changed about it. */
export function LineRow({ site, entry, data, format, phases, checks, canSwap, onSwap, onRemoved }: Props) {
  const { line, index, product } = entry;
  const id = (what: string) => domId('line', site.id, index, what);
  const installed = isInstalled(product);
  const money = (cents: number) => formatMoney(cents, format.currency, format.locale);
  const charged = line.quantity - line.reused;
  const connection = installed && offersBoth(product) ? connectionFor(product as Parameters<typeof connectionFor>[0], line, site.conditions) : null;

  return (
    <li class="line" id={id('row')}>
      <div class="line__head">
        <h4 class="line__name" id={id('name')} tabIndex={-1}>
          {product.name}
        </h4>
        <p class="line__model">
          {product.brand} {product.model}
        </p>
      </div>
      <p class="line__reason">{lineReason(line, product, data)}</p>
      <p class="line__price">
        {money(product.priceCents)} each
        {installed && (
          <>
            {' · '}
            {charged === line.quantity ? `${money(charged * product.priceCents)} for ${line.quantity}` : `${money(charged * product.priceCents)} for ${charged} new, ${line.reused} yours`}
          </>
        )}
      </p>
      <div class="line__controls">
        <Stepper id={id('qty')} label="Quantity" about={product.name} value={line.quantity} min={1} max={500} onCommit={(q) => changeQuantity(site.id, index, q)} />
        {installed && <Stepper id={id('reused')} label="Already have" about={`${product.name} you already own`} value={line.reused} min={0} max={line.quantity} onCommit={(r) => changeReused(site.id, index, r)} />}
        {connection && (
          <div class="field-inline">
            <label for={id('connection')}>Connection</label>
            <select id={id('connection')} onChange={(e) => setConnection(site.id, index, (e.currentTarget as HTMLSelectElement).value as 'wired' | 'wireless')}>
              <option value="wired" selected={connection === 'wired'}>
                Wired
              </option>
              <option value="wireless" selected={connection === 'wireless'}>
                Wireless
              </option>
            </select>
          </div>
        )}
        {phases.length > 0 && (
          <div class="field-inline">
            <label for={id('phase')}>Phase</label>
            <select id={id('phase')} onChange={(e) => setPhase(site.id, index, Number((e.currentTarget as HTMLSelectElement).value) || undefined)}>
              <option value="0" selected={!line.phase}>
                Not in a phase
              </option>
              {phases.map((p, i) => (
                <option key={i} value={i + 1} selected={line.phase === i + 1}>
                  {i + 1}: {p.name}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      <div class="line__actions">
        {canSwap && (
          <button type="button" class="button button--secondary button--small" onClick={() => onSwap(index)}>
            Compare and swap<span class="visually-hidden"> {product.name}</span>
          </button>
        )}
        <button
          type="button"
          class="link-button"
          onClick={() => {
            removeLineAt(site.id, index, product.name);
            onRemoved();
          }}
        >
          Remove<span class="visually-hidden"> {product.name}</span>
        </button>
      </div>
      <CheckList checks={checks} />
    </li>
  );
}
