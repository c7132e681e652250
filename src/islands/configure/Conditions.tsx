import { useState } from 'preact/hooks';
import type { Audience, Site } from '~/domain/configuration/configuration';
import type { AssumableCondition } from '~/domain/settings/vocabulary';
import { capitalized, conditionValueText } from '~/domain/wording';
import type { SiteData } from '~/domain/site-data';
import { wiringAccessOptions } from '~/domain/settings/vocabulary';
import { changeConditions, changeConditionsChecked, changeRecording } from '~/stores/configuration/actions';
import { SelectField, TextField, Toggle } from '../shared/fields';
import { domId } from '../shared/format';
import { conditionKeys, conditionsText, readCondition, type ConditionField } from './model';

const wiringWords: Record<(typeof wiringAccessOptions)[number], string> = {
  open: 'Open: unfinished walls or open ceilings',
  partial: 'Partly: attic or basement reaches some walls',
  finished: 'Finished walls and ceilings throughout',
  unknown: 'Not known yet',
};

interface Props {
  data: SiteData;
  audience: Audience;
  site: Site;
  hasCameras: boolean;
}

/**
 * The site conditions that drive labor, cable and travel, in the installer's units. A typed value is
 * applied when the field is left (or Enter is pressed) once the server has checked it; a value the
 * schema rejects stays in the box with the reason beside it and the estimate keeps the last good value.
 */
export function Conditions({ data, audience, site, hasCameras }: Props) {
  const { units } = data.settings;
  const [text, setText] = useState(() => conditionsText(site.conditions, units));
  const [errors, setErrors] = useState<Partial<Record<ConditionField, string>>>({});
  const c = site.conditions;
  const id = (field: string) => domId('cond', site.id, field);

  const commit = async (field: ConditionField) => {
    const read = readCondition(field, text[field], units);
    const error = 'error' in read ? read.error : await changeConditionsChecked(site.id, { [conditionKeys[field]]: read.value });
    setErrors((e) => ({ ...e, [field]: error }));
  };

  const numberField = (field: ConditionField, label: string, unit?: string, hint?: string) => (
    <div onChange={() => void commit(field)}>
      <TextField id={id(field)} label={label} unit={unit} hint={hint} numeric={field !== 'postalCode'} value={text[field]} error={errors[field]} onValue={(v) => setText((t) => ({ ...t, [field]: v }))} />
    </div>
  );

  /** Floor area or ceiling: when the site assumed it, say so, rounded, with a way to keep it as the customer's own figure. */
  const assumableField = (field: 'area' | 'ceiling', label: string, unit: string) => {
    const key = conditionKeys[field] as AssumableCondition;
    if (!c.assumed?.includes(key)) return numberField(field, label, unit);
    return (
      <div class="assumed">
        {numberField(field, label, unit, `${capitalized(conditionValueText(c, key, data.settings))}.`)}
        <button type="button" class="link-button" onClick={() => void commit(field)}>
          Keep {text[field]} {unit}
        </button>
      </div>
    );
  };

  const defaultDays = data.guidelines.video.retentionDays[audience];
  const recording = site.recording;
  const [daysText, setDaysText] = useState(String(recording?.retentionDays ?? defaultDays));
  const [daysError, setDaysError] = useState<string>();
  const commitDays = () => {
    const n = Number(daysText.trim());
    if (!/^\d+$/.test(daysText.trim()) || n < 1 || n > 365) return setDaysError('enter a whole number of days from 1 to 365');
    setDaysError(undefined);
    changeRecording(site.id, { retentionDays: n, mode: recording?.mode ?? 'continuous' });
  };

  return (
    <div class="conditions">
      <p class="field__hint">These change labor, cable and travel in the estimate. Values you are unsure of widen its range instead of guessing.</p>
      <div class="grid-fields">
        {numberField('storeys', 'Floors, with any basement')}
        {assumableField('area', 'Floor area', units === 'imperial' ? 'sq ft' : 'm²')}
        {assumableField('ceiling', 'Highest ceiling', units === 'imperial' ? 'ft' : 'm')}
        {audience === 'home' ? numberField('bedrooms', 'Bedrooms') : numberField('exits', 'Exits to the outside')}
      </div>
      <SelectField id={id('wiring')} label="Cable access" value={c.wiringAccess} options={wiringAccessOptions.map((w) => [w, wiringWords[w]] as const)} onValue={(wiringAccess) => changeConditions(site.id, { wiringAccess })} />
      {numberField('postalCode', 'ZIP code', undefined, 'Sets the travel zone; without it the travel charge allows for a longer trip.')}
      {audience === 'home' && (
        <>
          <Toggle id={id('fuel')} label="Something burns gas, oil or wood (furnace, water heater, fireplace)" checked={c.fuelBurning ?? true} onValue={(fuelBurning) => changeConditions(site.id, { fuelBurning })} />
          <Toggle id={id('garage')} label="A garage attached to the house" checked={c.attachedGarage ?? false} onValue={(attachedGarage) => changeConditions(site.id, { attachedGarage })} />
        </>
      )}
      {hasCameras && (
        <fieldset class="field group recording">
          <legend>Video recording</legend>
          <div class="grid-fields">
            <div onChange={commitDays}>
              <TextField id={id('days')} label="Keep video for" unit="days" numeric value={daysText} error={daysError} onValue={setDaysText} hint={`Usually ${defaultDays} days.`} />
            </div>
            <SelectField
              id={id('mode')}
              label="Record"
              value={recording?.mode ?? 'continuous'}
              options={[['continuous', 'Around the clock'], ['motion', 'Only when there is motion']]}
              onValue={(mode) => changeRecording(site.id, { retentionDays: recording?.retentionDays ?? defaultDays, mode })}
            />
          </div>
          {recording && (
            <button type="button" class="link-button" onClick={() => { changeRecording(site.id, undefined); setDaysText(String(defaultDays)); setDaysError(undefined); }}>
              Use the usual {defaultDays} days, around the clock
            </button>
          )}
        </fieldset>
      )}
    </div>
  );
}
