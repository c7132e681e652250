import { $assessment, goToStep } from '~/stores/assessment';

/**
 * Each assessment step is an entry in the browser's history, so Back and Forward step through the
 * questions instead of leaving the page. The step travels in the entry's state and in the address
 * (`?step=3`); the answers stay in the store (localStorage), so a reload shows the same step with
 * everything typed. The store decides the step; history follows it, and a popstate moves it.
 */

const PARAM = 'step';

/** The address of a step: this page with `?step=n` (none for the first screen, home or business). */
export function addressOf(step: number, href = location.href): string {
  const url = new URL(href);
  if (step > 0) url.searchParams.set(PARAM, String(step));
  else url.searchParams.delete(PARAM);
  return url.pathname + url.search + url.hash;
}

/** The step a history entry holds, or null when the entry is not one of ours. */
function stepOf(state: unknown): number | null {
  const step = (state as { assessmentStep?: unknown } | null)?.assessmentStep;
  return typeof step === 'number' && Number.isInteger(step) && step >= 0 ? step : null;
}

const entry = (step: number) => ({ ...(history.state as object | null), assessmentStep: step });

/** Starts keeping history in step with the assessment; returns the function that stops it. */
export function followStepsInHistory(): () => void {
  let shown = $assessment.get().step;
  history.replaceState(entry(shown), '', addressOf(shown));

  const stop = $assessment.listen((state) => {
    if (state.step === shown) return;
    shown = state.step;
    history.pushState({ assessmentStep: shown }, '', addressOf(shown));
  });

  const onPopState = (event: PopStateEvent) => {
    const step = stepOf(event.state);
    if (step === null) return;
    shown = step;
    goToStep(step);
    // A step that no longer exists (the answers were cleared in another tab) shows the nearest one.
    const actual = $assessment.get().step;
    if (actual !== step) {
      shown = actual;
      history.replaceState(entry(actual), '', addressOf(actual));
    }
  };
  window.addEventListener('popstate', onPopState);

  return () => {
    stop();
    window.removeEventListener('popstate', onPopState);
  };
}
