import { useState } from 'preact/hooks';
import { TextField } from '../shared/fields';

/**
 * A text field kept in local state while typing and applied when left (or on Enter). `apply` returns
 * the problem with the value, if any; the typed text stays in the box either way.
 */
export function CommitField({ id, label, initial, apply, numeric, unit, hint, maxLength }: { id: string; label: string; initial: string; apply: (text: string) => string | undefined; numeric?: boolean; unit?: string; hint?: string; maxLength?: number }) {
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string>();
  return (
    <div onChange={() => setError(apply(text))}>
      <TextField id={id} label={label} numeric={numeric} unit={unit} hint={hint} maxLength={maxLength} value={text} error={error} onValue={setText} />
    </div>
  );
}
