import { useEffect, useState } from 'preact/hooks';
import './Stepper.css';

interface Props {
  id: string;
  /** Visible label. */
  label: string;
  /** What the buttons and input are about, for screen readers: "4 MP turret camera". */
  about: string;
  value: number;
  min: number;
  max: number;
  onCommit: (value: number) => void;
}

/** Whole number typed by a person, or null when it is not one. */
export function parseWhole(text: string): number | null {
  const cleaned = text.trim().replace(/,/g, '');
  return /^\d+$/.test(cleaned) ? Number(cleaned) : null;
}

/**
 * A quantity with − and + buttons and a typed input. Typing a valid number applies it at once; an
 * invalid one stays in the box with the problem named next to it until it is fixed.
 */
export function Stepper({ id, label, about, value, min, max, onCommit }: Props) {
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  const typed = parseWhole(text);
  const error = typed === null ? 'enter a whole number' : typed < min ? `at least ${min}` : typed > max ? `at most ${max}` : undefined;

  const onInput = (next: string) => {
    setText(next);
    const n = parseWhole(next);
    if (n !== null && n >= min && n <= max && n !== value) onCommit(n);
  };

  return (
    <div class={`stepper${error ? ' field--invalid' : ''}`}>
      <label for={id}>{label}</label>
      <span class="stepper__control">
        <button type="button" class="stepper__button" aria-label={`One fewer: ${about}`} disabled={value <= min} onClick={() => onCommit(value - 1)}>
          −
        </button>
        <input
          id={id}
          type="text"
          inputMode="numeric"
          size={3}
          value={text}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)}
          onBlur={() => !error && setText(String(value))}
        />
        <button type="button" class="stepper__button" aria-label={`One more: ${about}`} disabled={value >= max} onClick={() => onCommit(value + 1)}>
          +
        </button>
      </span>
      {error && (
        <span class="field__error" id={`${id}-error`}>
          {label}: {error}
        </span>
      )}
    </div>
  );
}
