import { useMemo } from 'preact/hooks';
import { roles } from '~/domain/catalog/roles';
import { addableRoles } from '~/domain/configuration/choices';
import type { Audience, Site } from '~/domain/configuration/configuration';
import type { SiteData } from '~/domain/site-data';
import { addToSite } from '~/stores/configuration/actions';
import { SelectField } from '../shared/fields';
import { domId } from '../shared/format';
import { groupTitles, type LineGroupId } from './model';
import { Stepper } from './Stepper';
import { formatMoney } from '~/domain/money';

/** What the customer has picked so far; the dialog keeps it between openings. */
export interface AddChoice {
  group: LineGroupId;
  /** The kind of product; empty for the system's first. */
  role: string;
  quantity: number;
}

export interface AddProductsProps {
  data: SiteData;
  audience: Audience;
  site: Site;
  choice: AddChoice;
  onChoice: (choice: AddChoice) => void;
  onClose: () => void;
  /** Told what was added, to announce it. */
  onAdded: (message: string) => void;
}

const groups: LineGroupId[] = ['video', 'intrusion', 'fire', 'access', 'services'];

/** The add dialog's body: choose the system, then the kind of device, then the product. */
export function AddProducts({ data, audience, site, choice, onChoice, onClose, onAdded }: AddProductsProps) {
  const { group, role, quantity } = choice;
  const available = useMemo(() => addableRoles(group, data.catalog, audience), [group, data, audience]);
  const entry = available.find((r) => r.role === role) ?? available[0];
  const money = (cents: number) => formatMoney(cents, data.settings.currency, data.settings.locale);

  return (
    <>
      <div class="add__filters">
        <SelectField id={domId('add', 'group')} label="System" value={group} options={groups.map((g) => [g, groupTitles[g]] as const)} onValue={(g) => onChoice({ ...choice, group: g, role: '' })} />
        {available.length > 0 && (
          <SelectField id={domId('add', 'role')} label="Kind of product" value={entry?.role ?? ''} options={available.map((r) => [r.role, roles[r.role].plural] as const)} onValue={(r) => onChoice({ ...choice, role: r })} />
        )}
        <Stepper id={domId('add', 'quantity')} label="How many" about="units to add" value={quantity} min={1} max={500} onCommit={(n) => onChoice({ ...choice, quantity: n })} />
      </div>
      {!entry ? (
        <p>We have nothing to offer in this system yet. Call us and we will help.</p>
      ) : (
        <ul class="add__products">
          {entry.products.map((p) => (
            <li key={p.id} class="add__product">
              <p class="line__name">
                {p.name} <span class={`tier tier--${p.tier}`}>{p.tier === 'good' ? 'Good' : p.tier === 'better' ? 'Better' : 'Best'}</span>
              </p>
              <p class="line__model">
                {p.brand} {p.model} · {money(p.priceCents)}
                {p.type === 'service' ? '' : ' each'}
              </p>
              <p class="line__reason">{p.summary}</p>
              <button
                type="button"
                class="button button--small"
                onClick={() => {
                  addToSite(site.id, p.id, quantity);
                  onAdded(`Added ${quantity} × ${p.name}.`);
                  onClose();
                }}
              >
                Add {quantity}
                <span class="visually-hidden"> × {p.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
