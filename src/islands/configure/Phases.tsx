import { useState } from 'preact/hooks';
import type { Catalog } from '~/domain/catalog/catalog';
import { systemInfo, systems } from '~/domain/catalog/roles';
import { siteSystems } from '~/domain/configuration/choices';
import type { Configuration } from '~/domain/configuration/configuration';
import { systemPhase } from '~/domain/configuration/phase-plan';
import { phasedOneTime, type PhaseTotal } from '~/domain/estimate/phases';
import { formatMoney, type Range } from '~/domain/money';
import { phasingText } from '~/domain/wording';
import { addNewPhase, changePhase, removePhaseAt, setSystemPhase } from '~/stores/configuration/phases';
import { SelectField, TextField } from '../shared/fields';
import { domId, range, type Format } from '../shared/format';
import { parseMoney } from './model';
import { CommitField } from './CommitField';

const statusWords = { 'no-budget': 'No budget set', within: 'Within budget', 'may-exceed': 'May go over budget', over: 'Over budget' } as const;

export interface PhasesProps {
  config: Configuration;
  catalog: Catalog;
  totals: PhaseTotal[];
  /** The estimate's one-time total: everything in one visit. */
  oneVisit: Range | null;
  /** True while the server prices a change: the totals shown are for the configuration before it. */
  updating: boolean;
  format: Format;
}

function applyBudget(index: number) {
  return (text: string) => {
    const cents = text.trim() === '' ? 0 : parseMoney(text);
    if (cents === null) return 'enter an amount, like 25000';
    changePhase(index, { budgetCents: cents });
    return undefined;
  };
}

/** One choice per system, on every site at once; a system whose lines sit in different phases says so. */
function SystemPhases({ config, catalog }: { config: Configuration; catalog: Catalog }) {
  const present = systems.filter((system) => config.sites.some((site) => siteSystems(site, catalog).includes(system)));
  return (
    <fieldset class="field group phases__systems">
      <legend>Whole systems</legend>
      <div class="grid-fields">
        {present.map((system) => {
          const current = systemPhase(config, system, catalog);
          return (
            <SelectField
              // Remounted when the system's phase changes, so the select shows it even when the options change (a split system gains one).
              key={`${system}:${current}`}
              id={domId('phase', 'system', system)}
              label={systemInfo[system].name}
              value={current === 'mixed' ? 'mixed' : String(current ?? 0)}
              options={[
                ...(current === 'mixed' ? [['mixed', 'Split between phases'] as const] : []),
                ['0', 'Not in a phase'] as const,
                ...config.phases.map((p, i) => [String(i + 1), `Phase ${i + 1}: ${p.name}`] as const),
              ]}
              onValue={(value) => value !== 'mixed' && setSystemPhase(system, Number(value) || undefined, catalog)}
            />
          );
        })}
      </div>
    </fieldset>
  );
}

/**
 * Split the work into phases, each with a budget; lines are assigned on the lines themselves. Every
 * phase is priced as its own visit, against its budget.
 */
export function Phases({ config, catalog, totals, oneVisit, updating, format: f }: PhasesProps) {
  const [name, setName] = useState('');
  const money = (cents: number) => formatMoney(cents, f.currency, f.locale, true);
  return (
    <div class={`phases${updating ? ' phases--updating' : ''}`}>
      <p class="field__hint">
        Install in stages: add phases with a budget, then put whole systems in a phase here (or move a single line with its own Phase choice). Each phase is priced as its own visit, with its own travel and minimum
        charge; the estimate’s total is for doing everything in one visit. Monitoring fees are not part of any phase.
      </p>
      {oneVisit && totals.length > 1 && <p class="phases__together">{phasingText(phasedOneTime(totals), oneVisit, totals.length, f)}</p>}
      {config.phases.length > 0 && (
        <ol class="phases__list">
          {config.phases.map((phase, i) => {
            // A total from an answer about this phase as it was named and budgeted then: a removed or renamed phase does not borrow another's.
            const total = totals.find((t) => t.phase === i + 1 && t.name === phase.name && t.budgetCents === phase.budgetCents);
            return (
              <li key={`${i}-${config.phases.length}`} class="phase">
                <CommitField id={domId('phase', i, 'name')} label={`Phase ${i + 1} name`} initial={phase.name} maxLength={60}
                  apply={(text) => (text.trim() ? (changePhase(i, { name: text }), undefined) : 'give the phase a name')} />
                <CommitField id={domId('phase', i, 'budget')} label="Budget" numeric unit={f.currency} hint="Blank for no budget." initial={phase.budgetCents ? String(phase.budgetCents / 100) : ''} apply={applyBudget(i)} />
                {total && (
                  <p class={`phase__total phase__total--${total.status}`}>
                    {total.units === 0 ? 'No lines in this phase yet.' : `${range(total.oneTime, f)} for ${total.units} units.`} <strong>{statusWords[total.status]}</strong>
                    {total.status !== 'no-budget' && ` (budget ${money(phase.budgetCents)})`}.
                  </p>
                )}
                <button type="button" class="link-button" onClick={() => removePhaseAt(i)}>
                  Remove phase {i + 1}
                  <span class="visually-hidden">: {phase.name}</span>
                </button>
              </li>
            );
          })}
        </ol>
      )}
      {config.phases.length > 0 && <SystemPhases config={config} catalog={catalog} />}
      {totals
        .filter((t) => t.phase === null)
        .map((t) => (
          <p key="rest" class="muted">
            Not in a phase yet: {t.units} units, {range(t.oneTime, f)}.
          </p>
        ))}
      {config.phases.length < 12 && (
        <form
          class="phases__add"
          onSubmit={(e) => {
            e.preventDefault();
            addNewPhase(name, 0);
            setName('');
          }}
        >
          <TextField id={domId('phase', 'new')} label="New phase name" value={name} maxLength={60} placeholder={`Phase ${config.phases.length + 1}`} onValue={setName} />
          <button type="submit" class="button button--secondary">
            Add phase
          </button>
        </form>
      )}
    </div>
  );
}
