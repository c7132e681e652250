import type { Check } from '~/domain/checks';
import { applySuggestion } from '~/stores/configuration/actions';
import { statusWords } from './model';
import './CheckItem.css';

const icons = { pass: '✓', warning: '!', problem: '✕' } as const;

/** One engineering check: status in words (not color alone), the numbers, and the one-click fix. */
export function CheckItem({ check, onApplied }: { check: Check; onApplied?: () => void }) {
  return (
    <li class={`check check--${check.status}`}>
      <p class="check__title">
        <span class="check__icon" aria-hidden="true">
          {icons[check.status]}
        </span>
        <span class="check__status">{statusWords[check.status]}:</span> {check.title}
      </p>
      <p class="check__detail">{check.detail}</p>
      {check.suggestion && (
        <button
          type="button"
          class="button button--secondary button--small"
          onClick={() => {
            applySuggestion(check.suggestion!.change);
            onApplied?.();
          }}
        >
          {check.suggestion.label}
        </button>
      )}
    </li>
  );
}

/** Problems and warnings in full; passes folded into one line the customer can open. */
export function CheckList({ checks, onApplied }: { checks: Check[]; onApplied?: () => void }) {
  if (checks.length === 0) return null;
  const open = checks.filter((c) => c.status !== 'pass');
  const passed = checks.filter((c) => c.status === 'pass');
  return (
    <div class="checks">
      {open.length > 0 && (
        <ul class="checks__list">
          {open.map((c) => (
            <CheckItem key={c.id} check={c} onApplied={onApplied} />
          ))}
        </ul>
      )}
      {passed.length > 0 && (
        <details class="checks__passed">
          <summary>
            {passed.length === 1 ? `1 check passes: ${passed[0]!.title}` : `${passed.length} checks pass`}
          </summary>
          <ul class="checks__list">
            {passed.map((c) => (
              <CheckItem key={c.id} check={c} />
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
