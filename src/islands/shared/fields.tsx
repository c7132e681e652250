import type { ComponentChildren } from 'preact';
import '~/components/forms/field.css';

/**
 * Form fields with their label, hint and error tied together for screen readers: the error is shown
 * next to the field, names the problem in plain words and marks the field invalid. Groups of options
 * are in choice-fields.tsx: only the assessment asks them, and what both islands import from one
 * module is loaded by both.
 */

export interface Described {
  id: string;
  hint?: ComponentChildren;
  error?: string | undefined;
}

export function describedBy({ id, hint, error }: Described): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

export function Help({ id, hint, error }: Described) {
  return (
    <>
      {hint && (
        <p class="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field__error" id={`${id}-error`}>
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
    </>
  );
}

interface TextProps extends Described {
  label: ComponentChildren;
  value: string;
  onValue: (value: string) => void;
  /** Numbers are typed as text so nothing typed is lost; `decimal` brings up a number pad. */
  numeric?: boolean;
  unit?: string;
  placeholder?: string;
  autoComplete?: string;
  maxLength?: number;
}

export function TextField(p: TextProps) {
  return (
    <div class={`field${p.error ? ' field--invalid' : ''}`}>
      <label for={p.id}>{p.label}</label>
      <Help {...p} />
      <span class="field__control">
        <input
          id={p.id}
          name={p.id}
          type="text"
          inputMode={p.numeric ? 'decimal' : undefined}
          value={p.value}
          placeholder={p.placeholder}
          autoComplete={p.autoComplete ?? 'off'}
          maxLength={p.maxLength}
          aria-invalid={p.error ? 'true' : undefined}
          aria-describedby={describedBy(p)}
          onInput={(e) => p.onValue((e.currentTarget as HTMLInputElement).value)}
          size={p.numeric ? 8 : undefined}
        />
        {p.unit && <span class="field__unit">{p.unit}</span>}
      </span>
    </div>
  );
}

/** A checkbox on its own line. */
export function Toggle({ id, label, checked, onValue }: { id: string; label: ComponentChildren; checked: boolean; onValue: (on: boolean) => void }) {
  return (
    <label class="choice__option" for={id}>
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onValue((e.currentTarget as HTMLInputElement).checked)} />
      <span>{label}</span>
    </label>
  );
}

interface SelectProps<T extends string> extends Described {
  label: ComponentChildren;
  options: readonly (readonly [T, string])[];
  value: T;
  onValue: (value: T) => void;
}

export function SelectField<T extends string>(p: SelectProps<T>) {
  return (
    <div class={`field${p.error ? ' field--invalid' : ''}`}>
      <label for={p.id}>{p.label}</label>
      <Help {...p} />
      <select id={p.id} aria-invalid={p.error ? 'true' : undefined} aria-describedby={describedBy(p)} onChange={(e) => p.onValue((e.currentTarget as HTMLSelectElement).value as T)}>
        {p.options.map(([value, label]) => (
          <option key={value} value={value} selected={value === p.value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}
