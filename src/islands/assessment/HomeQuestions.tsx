import type { Guidelines } from '~/domain/guidelines/guidelines';
import { homeAreas } from '~/domain/guidelines/vocabulary';
import type { ExistingDraft, HomeDraft, TriState } from '~/domain/premises/draft';
import { propertyTypes, type Goal, type PropertyType } from '~/domain/premises/vocabulary';
import { formatArea, SQFT_PER_M2, type UnitSystem } from '~/domain/units';
import { toggled, updateHome } from '~/stores/assessment';
import { Checks, Choice } from '../shared/choice-fields';
import { TextField, Toggle } from '../shared/fields';
import { domId } from '../shared/format';

const propertyWords: Record<PropertyType, string> = { house: 'A house', townhouse: 'A townhouse', apartment: 'An apartment or condo' };
const propertyOptions = [...propertyTypes.map((t) => [t, propertyWords[t]] as const), ['', 'Not sure'] as const];

export const yesNo = [['yes', 'Yes'], ['no', 'No'], ['', 'Not sure']] as const satisfies readonly (readonly [TriState, string])[];

export const wiringOptions = [
  ['open', 'Open: unfinished basement, open ceilings or new build'],
  ['partial', 'Partly: an attic or basement reaches some walls'],
  ['finished', 'Finished walls and ceilings throughout'],
  ['unknown', 'I don’t know'],
] as const;

export const goalOptions: readonly (readonly [Goal, string])[] = [
  ['deter', 'Deter break-ins'],
  ['evidence', 'Record video evidence'],
  ['monitoring', 'Professional 24/7 monitoring'],
  ['fire-co', 'Fire and carbon monoxide safety'],
  ['smart-locks', 'Smart locks and control from an app'],
];

export const budgetOptions = [
  ['essential', 'Keep it lean: the essentials'],
  ['recommended', 'Balanced: what we would recommend'],
  ['complete', 'The most complete protection'],
] as const;

export interface QuestionProps<D> {
  draft: D;
  /** The problem with a field, once the customer has tried to leave the step. */
  error: (key: string) => string | undefined;
  units: UnitSystem;
  locale: string;
  guidelines: Guidelines;
}

export const fid = (key: string) => domId('q', key);

/** A typical floor area rounded the way people say it: "1,900 sq ft", "180 m²". */
export const typicalArea = (m2: number, p: { units: UnitSystem; locale: string }) =>
  formatArea(p.units === 'imperial' ? Math.round((m2 * SQFT_PER_M2) / 100) * 100 / SQFT_PER_M2 : m2, p.units, p.locale);

export function ExistingFields({ prefix, existing, error, onChange, home = false }: { prefix: string; existing: ExistingDraft; error: (key: string) => string | undefined; onChange: (patch: Partial<ExistingDraft>) => void; home?: boolean }) {
  const counted = [
    ['smokeAlarms', 'Smoke alarms'],
    ['coAlarms', 'Carbon monoxide alarms'],
    ['cameras', 'Security cameras'],
  ] as const;
  return (
    <fieldset class="field group">
      <legend>Equipment you already have and want to keep</legend>
      <p class="field__hint">We test it and reuse what still works. Leave blank for none.</p>
      <div class="grid-fields">
        {counted.map(([key, label]) => (
          <TextField key={key} id={fid(`${prefix}existing.${key}`)} label={label} numeric value={existing[key]} error={error(`${prefix}existing.${key}`)} onValue={(v) => onChange({ [key]: v })} />
        ))}
      </div>
      <Toggle id={fid(`${prefix}existing.alarmPanel`)} label="An alarm panel" checked={existing.alarmPanel} onValue={(alarmPanel) => onChange({ alarmPanel })} />
      {home && <Toggle id={fid(`${prefix}existing.doorbellCamera`)} label="A video doorbell" checked={existing.doorbellCamera} onValue={(doorbellCamera) => onChange({ doorbellCamera })} />}
    </fieldset>
  );
}

/** The questions of one home step. */
export function HomeQuestions({ step, ...p }: QuestionProps<HomeDraft> & { step: string }) {
  const { draft: d, error } = p;
  const area = p.units === 'imperial' ? 'sq ft' : 'm²';
  switch (step) {
    case 'property':
      return (
        <>
          <Choice id={fid('propertyType')} legend="What kind of home is it?" value={d.propertyType} error={error('propertyType')} onValue={(propertyType) => updateHome({ propertyType })}
            options={propertyOptions} />
          <TextField id={fid('storeys')} label="Floors above ground" numeric value={d.storeys} placeholder="2" hint="Blank: we assume 2." error={error('storeys')} onValue={(storeys) => updateHome({ storeys })} />
          <Choice id={fid('basement')} legend="Is there a basement?" inline value={d.basement} error={error('basement')} onValue={(basement) => updateHome({ basement })} options={yesNo} />
          <TextField id={fid('area')} label="Total floor area" unit={area} numeric value={d.area} placeholder={typicalArea(180, p).split(' ')[0]}
            hint={`A rough figure is fine. Blank: we assume about ${typicalArea(180, p)}.`} error={error('area')} onValue={(v) => updateHome({ area: v })} />
          <TextField id={fid('bedrooms')} label="Bedrooms" numeric value={d.bedrooms} placeholder="3" hint="Each bedroom gets a smoke alarm. Blank: we assume 3." error={error('bedrooms')} onValue={(bedrooms) => updateHome({ bedrooms })} />
          <TextField id={fid('postalCode')} label="ZIP code (optional)" value={d.postalCode} autoComplete="postal-code" maxLength={10} hint="Sets the travel charge. Without it the estimate allows for a longer trip." error={error('postalCode')} onValue={(postalCode) => updateHome({ postalCode })} />
        </>
      );
    case 'entry':
      return (
        <>
          <TextField id={fid('exteriorDoors')} label="Doors to the outside" numeric value={d.exteriorDoors} placeholder="2" hint="Front, back, patio and side doors. Blank: we assume 2." error={error('exteriorDoors')} onValue={(exteriorDoors) => updateHome({ exteriorDoors })} />
          <TextField id={fid('accessibleWindows')} label="Windows someone could reach from outside" numeric value={d.accessibleWindows} placeholder="6" hint="Usually the ground-floor windows. Blank: we assume 6." error={error('accessibleWindows')} onValue={(accessibleWindows) => updateHome({ accessibleWindows })} />
          <Choice id={fid('attachedGarage')} legend="Is there a garage attached to the house?" inline value={d.attachedGarage} error={error('attachedGarage')} onValue={(attachedGarage) => updateHome({ attachedGarage })} options={yesNo} />
        </>
      );
    case 'household':
      return (
        <>
          <Choice id={fid('fuelBurning')} legend="Does anything in the home burn gas, oil or wood?" hint="A furnace, boiler, water heater, fireplace or stove. Not sure: we plan carbon monoxide alarms, to be safe." inline
            value={d.fuelBurning} error={error('fuelBurning')} onValue={(fuelBurning) => updateHome({ fuelBurning })} options={yesNo} />
          <Choice id={fid('pets')} legend="Pets that roam the house when the alarm is on" hint="Motion sensors can ignore pets up to a weight." value={d.pets} error={error('pets')} onValue={(pets) => updateHome({ pets })}
            options={[['none', 'No pets'], ['small', 'Cats or small dogs (under 40 lb)'], ['large', 'Larger dogs'], ['', 'Not sure']]} />
        </>
      );
    case 'outside':
      return (
        <Checks id={fid('outdoorAreas')} legend="Which areas outside should cameras watch?" hint="Leave all unticked if you do not want cameras." values={d.outdoorAreas} error={error('outdoorAreas')}
          options={homeAreas.map((a) => [a, p.guidelines.video.homeAreas[a].label] as const)} onToggle={(a, on) => updateHome({ outdoorAreas: toggled(d.outdoorAreas, a, on) })} />
      );
    case 'existing':
      return (
        <>
          <ExistingFields home prefix="" existing={d.existing} error={error} onChange={(patch) => updateHome({ existing: { ...d.existing, ...patch } })} />
          <Choice id={fid('wiringAccess')} legend="How easy is it to run cable through the walls?" hint="Wired devices cost more to install behind finished walls; wireless ones do not." value={d.wiringAccess} error={error('wiringAccess')}
            onValue={(wiringAccess) => updateHome({ wiringAccess })} options={wiringOptions} />
          <Choice id={fid('internet')} legend="Home internet" value={d.internet} error={error('internet')} onValue={(internet) => updateHome({ internet })}
            options={[['good', 'Reliable'], ['weak', 'Slow or drops out'], ['none', 'None'], ['', 'Not sure']]} />
        </>
      );
    case 'goals':
      return (
        <>
          <Checks id={fid('goals')} legend="What matters most to you?" hint="Choose any." values={d.goals} error={error('goals')} options={goalOptions} onToggle={(g, on) => updateHome({ goals: toggled(d.goals, g, on) })} />
          <Choice id={fid('budget')} legend="How do you lean on budget?" hint="We show three options either way and highlight the one that matches." value={d.budget} error={error('budget')} onValue={(budget) => updateHome({ budget })} options={budgetOptions} />
        </>
      );
    default:
      return null;
  }
}
