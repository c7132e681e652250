import type { ComponentChildren } from 'preact';
import { describedBy, Help, type Described } from './fields';
import { domId } from './format';

/** Groups of options (radio buttons, checkboxes) with their legend, hint and error, as fields.tsx ties them together. */

interface ChoiceProps<T extends string> extends Described {
  legend: ComponentChildren;
  options: readonly (readonly [T, ComponentChildren])[];
  value: T;
  onValue: (value: T) => void;
  /** Lay options out in a row on wide screens. */
  inline?: boolean;
}

export function Choice<T extends string>(p: ChoiceProps<T>) {
  return (
    <fieldset class={`field choice${p.inline ? ' choice--inline' : ''}${p.error ? ' field--invalid' : ''}`} aria-describedby={describedBy(p)} id={p.id}>
      <legend>{p.legend}</legend>
      <Help {...p} />
      <div class="choice__options">
        {p.options.map(([value, label]) => (
          <label class="choice__option" key={value}>
            <input type="radio" name={p.id} value={value} checked={p.value === value} onChange={() => p.onValue(value)} />
            <span>{label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

interface ChecksProps<T extends string> extends Described {
  legend: ComponentChildren;
  options: readonly (readonly [T, ComponentChildren])[];
  values: readonly T[];
  onToggle: (value: T, on: boolean) => void;
}

export function Checks<T extends string>(p: ChecksProps<T>) {
  return (
    <fieldset class={`field choice${p.error ? ' field--invalid' : ''}`} aria-describedby={describedBy(p)} id={p.id}>
      <legend>{p.legend}</legend>
      <Help {...p} />
      <div class="choice__options">
        {p.options.map(([value, label]) => (
          <label class="choice__option" key={value}>
            <input type="checkbox" name={domId(p.id, value)} checked={p.values.includes(value)} onChange={(e) => p.onToggle(value, (e.currentTarget as HTMLInputElement).checked)} />
            <span>{label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Moves focus to a field by key (inputs directly, groups to their first control). */
export function focusField(id: string): void {
  const element = document.getElementById(id);
  const target = element instanceof HTMLFieldSetElement ? element.querySelector<HTMLElement>('input, select, textarea, button') : element;
  target?.focus();
}
