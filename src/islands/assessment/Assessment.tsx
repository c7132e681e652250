import { useStore } from '@nanostores/preact';
import type { Ref } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { FieldRule } from '~/domain/field-rules/rules';
import type { BusinessDraft, HomeDraft, Path } from '~/domain/premises/draft';
import { $assessment, $assessmentData, $cleared, $premisesRules, $reading, choosePath, nextStep, previousStep, restartAssessment, resultsStep, undoRestart, type AssessmentData } from '~/stores/assessment';
import { focusField } from '../shared/choice-fields';
import { BusinessQuestions } from './BusinessQuestions';
import { fid, HomeQuestions } from './HomeQuestions';
import { followStepsInHistory } from './history';
import { Results } from './Results';
import { errorsForStep, stepsFor } from '~/domain/premises/steps';
import { fieldLabel } from './field-labels';
import '../shared/controls.css';
import './assessment.css';

interface Props {
  data: AssessmentData;
  /** `rulesOf(premisesSchema)`: what the answers are checked with as they are typed. */
  premisesRules: FieldRule;
}

/** The guided needs assessment: short steps, every question skippable, answers saved as typed. */
export default function Assessment({ data, premisesRules }: Props) {
  // The stores get the data once the island is live; until then the server's placeholder stays.
  const [live, setLive] = useState<AssessmentData | null>(null);
  useEffect(() => {
    $premisesRules.set(premisesRules);
    $assessmentData.set(data);
    setLive(data);
  }, [data, premisesRules]);
  const hydrated = live !== null;
  const state = useStore($assessment);
  const reading = useStore($reading);
  const cleared = useStore($cleared);
  const heading = useRef<HTMLHeadingElement>(null);
  const previous = useRef<number | null>(null);

  // Back and Forward step through the questions once the island is live.
  useEffect(() => (hydrated ? followStepsInHistory() : undefined), [hydrated]);

  // Focus the new step's heading when the step changes (not on first load).
  useEffect(() => {
    if (!hydrated) return;
    if (previous.current !== null && previous.current !== state.step) {
      heading.current?.focus();
      window.scrollTo?.({ top: Math.max(0, (heading.current?.getBoundingClientRect().top ?? 0) + window.scrollY - 16) });
    }
    previous.current = state.step;
  }, [state.step, hydrated]);

  // The first step is the server's markup too: the island replaces nothing when it goes live.
  if (!live) return <PathChoice phone={data.settings.company.phone} />;
  if (!state.path || state.step === 0) {
    return <PathChoice phone={data.settings.company.phone} heading={heading} cleared={cleared !== null} resumable={state.path} onChoose={choosePath} />;
  }

  const { settings, guidelines } = live;
  const steps = stepsFor(state.path);
  const last = resultsStep(state);
  const onResults = state.step >= last;
  const step = steps[state.step - 1];
  const errors = reading?.errors ?? {};
  const shown = step && state.attempted.includes(step.id) ? errors : {};
  const error = (key: string) => shown[key];
  const stepErrors = step ? errorsForStep(shown, step) : [];

  const next = (event: Event) => {
    event.preventDefault();
    if (!nextStep()) {
      const first = step && errorsForStep($reading.get()?.errors ?? {}, step)[0];
      if (first) setTimeout(() => focusField(fid(first[0])), 0);
    }
  };

  return (
    <section class="assessment" aria-labelledby="assessment-step">
      <p class="assessment__progress">
        {onResults ? 'Your options' : `Step ${state.step} of ${steps.length}`}
        <progress max={last} value={state.step} aria-hidden="true" />
      </p>
      <h2 id="assessment-step" ref={heading} tabIndex={-1}>
        {onResults ? 'Three ways to protect your ' + (state.path === 'home' ? 'home' : 'business') : step!.title}
      </h2>
      {onResults ? (
        <>
          {reading && <Results settings={settings} path={state.path} reading={reading} />}
          <div class="button-row">
            <button type="button" class="button button--secondary" onClick={previousStep}>
              Back to the questions
            </button>
            <button type="button" class="link-button" onClick={restartAssessment}>
              Start over
            </button>
          </div>
        </>
      ) : (
        <form class="assessment__form" onSubmit={next} noValidate>
          {stepErrors.length > 0 && (
            <div class="error-summary" role="alert">
              <p>{stepErrors.length === 1 ? 'One answer needs a look:' : `${stepErrors.length} answers need a look:`}</p>
              <ul>
                {stepErrors.map(([key, message]) => (
                  <li key={key}>
                    <a href={`#${fid(key)}`} onClick={(e) => { e.preventDefault(); focusField(fid(key)); }}>
                      {fieldLabel(key)}: {message}
                    </a>
                  </li>
                ))}
              </ul>
              <p>Fix them, or skip this step to use typical values for now (what you typed is kept).</p>
            </div>
          )}
          {state.path === 'home' ? (
            <HomeQuestions step={step!.id} draft={state.home as HomeDraft} error={error} units={settings.units} locale={settings.locale} guidelines={guidelines} />
          ) : (
            <BusinessQuestions step={step!.id} draft={state.business as BusinessDraft} error={error} units={settings.units} locale={settings.locale} guidelines={guidelines} />
          )}
          <div class="assessment__nav">
            <button type="submit" class="button">
              {state.step === steps.length ? 'See my options' : 'Next'}
            </button>
            <button type="button" class="button button--secondary" onClick={() => nextStep(true)}>
              Skip<span class="visually-hidden"> this step</span>
            </button>
            <button type="button" class="link-button" onClick={previousStep}>
              Back
            </button>
          </div>
          <p class="muted assessment__saved">Your answers are saved on this device as you go, so you can come back later.</p>
        </form>
      )}
    </section>
  );
}

interface PathChoiceProps {
  phone: string;
  heading?: Ref<HTMLHeadingElement>;
  /** The answers were just cleared: offer to bring them back. */
  cleared?: boolean;
  /** The path of answers saved on this device, to continue with. */
  resumable?: Path | null;
  /** Absent on the server and until the island is live: the buttons are disabled until they can act. */
  onChoose?: (path: Path) => void;
}

/** The first step: home or business. Rendered on the server as it looks once live, so nothing moves. */
function PathChoice({ phone, heading, cleared = false, resumable = null, onChoose }: PathChoiceProps) {
  return (
    <section class="assessment" aria-labelledby="assessment-step">
      <h2 id="assessment-step" ref={heading} tabIndex={-1}>
        Is this for a home or a business?
      </h2>
      {cleared && (
        <p class="callout" role="status">
          Your answers were cleared.{' '}
          <button type="button" class="link-button" onClick={undoRestart}>
            Undo
          </button>
        </p>
      )}
      <p>About 3 minutes. Every question can be skipped: we use typical answers for anything you leave out.</p>
      <noscript>
        <p class="callout">The questions need JavaScript, which is off in this browser. Please turn it on, or call us on {phone} and we will go through them with you.</p>
      </noscript>
      <div class="path-choice">
        <button type="button" class="path-choice__button" disabled={!onChoose} onClick={onChoose && (() => onChoose('home'))} aria-describedby="path-home">
          A home
          <span id="path-home">House, townhouse or apartment</span>
        </button>
        <button type="button" class="path-choice__button" disabled={!onChoose} onClick={onChoose && (() => onChoose('business'))} aria-describedby="path-business">
          A business
          <span id="path-business">One site or several</span>
        </button>
      </div>
      {resumable && onChoose && (
        <p>
          <button type="button" class="link-button" onClick={() => onChoose(resumable)}>
            Continue with your {resumable} answers
          </button>
        </p>
      )}
    </section>
  );
}
