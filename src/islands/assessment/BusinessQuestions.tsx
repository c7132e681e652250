import { systemInfo } from '~/domain/catalog/roles';
import type { ViewPurpose } from '~/domain/guidelines/vocabulary';
import type { BusinessDraft, SiteDraft } from '~/domain/premises/draft';
import {
  monitoringChoices,
  openingHours,
  premisesTypes,
  siteRequirements,
  TYPICAL_VIEW_DISTANCE_M,
  type MonitoringChoice,
  type OpeningHours,
  type PremisesType,
  type Requirement,
} from '~/domain/premises/vocabulary';
import { formatLength } from '~/domain/units';
import { addArea, addSiteDraft, removeArea, removeSiteDraft, toggled, updateArea, updateBusiness, updateSite } from '~/stores/assessment';
import { Checks, Choice, focusField } from '../shared/choice-fields';
import { SelectField, TextField } from '../shared/fields';
import { budgetOptions, ExistingFields, fid, typicalArea, wiringOptions, type QuestionProps } from './HomeQuestions';

const purposes: readonly (readonly [ViewPurpose, string])[] = [
  ['identify', 'Identify a stranger’s face'],
  ['recognize', 'Recognize someone you know'],
  ['observe', 'See what people are doing'],
  ['read-plate', 'Read license plates'],
  ['detect', 'Detect that someone is there'],
];

/** Typed by requirement, so a requirement added to the domain cannot be offered without words. */
const requirementWords: Record<Requirement, string> = {
  'fire-alarm-code': 'The fire code requires a fire alarm system',
  'insurer-monitoring': 'Our insurer requires monitored alarms',
  'video-retention-90': 'Video must be kept for 90 days',
  'access-audit': 'We need a record of who opened which door',
};
const requirementOptions = siteRequirements.map((r) => [r, requirementWords[r]] as const);

/** Typed by answer, like the requirements; the home flow's goal reads "Professional 24/7 monitoring" too. */
const monitoringWords: Record<MonitoringChoice, string> = {
  'month-to-month': 'Professional 24/7 monitoring, month to month: no contract, cancel with 30 days’ notice',
  contract: 'Professional 24/7 monitoring on a contract: a lower monthly fee, but a fee to cancel early',
  none: 'No professional monitoring',
};
const monitoringOptions = monitoringChoices.map((m) => [m, monitoringWords[m]] as const);

const premisesWords: Record<PremisesType, string> = {
  office: 'Office',
  retail: 'Shop or showroom',
  warehouse: 'Warehouse or workshop',
  restaurant: 'Restaurant or café',
  clinic: 'Clinic or practice',
  other: 'Something else',
};
const premisesOptions = [['', 'Not sure'] as const, ...premisesTypes.map((t) => [t, premisesWords[t]] as const)];

const hoursWords: Record<OpeningHours, string> = {
  'business-hours': 'Business hours',
  extended: 'Early till late',
  'always-open': 'Open around the clock',
};
const hoursOptions = [['', 'Not sure'] as const, ...openingHours.map((h) => [h, hoursWords[h]] as const)];

function SiteBlock({ index, count, title, children }: { index: number; count: number; title: string; children: preact.ComponentChildren }) {
  return (
    <fieldset class="site-block">
      <legend>{count > 1 ? `Site ${index + 1}: ${title}` : title}</legend>
      {children}
    </fieldset>
  );
}

function SiteBasics({ site, i, count, p }: { site: SiteDraft; i: number; count: number; p: QuestionProps<BusinessDraft> }) {
  const key = (field: string) => `sites.${i}.${field}`;
  const set = (patch: Partial<SiteDraft>) => updateSite(i, patch);
  const feet = p.units === 'imperial' ? 'ft' : 'm';
  return (
    <SiteBlock index={i} count={count} title={site.name || 'Unnamed site'}>
      <TextField id={fid(key('name'))} label="Site name" value={site.name} maxLength={80} error={p.error(key('name'))} onValue={(name) => set({ name })} />
      <TextField id={fid(key('postalCode'))} label="ZIP code (optional)" value={site.postalCode} maxLength={10} hint="Sets the travel charge." error={p.error(key('postalCode'))} onValue={(postalCode) => set({ postalCode })} />
      <SelectField id={fid(key('premisesType'))} label="Type of premises" value={site.premisesType} options={premisesOptions} error={p.error(key('premisesType'))} onValue={(premisesType) => set({ premisesType })} />
      <div class="grid-fields">
        <TextField id={fid(key('buildings'))} label="Buildings" numeric value={site.buildings} placeholder="1" error={p.error(key('buildings'))} onValue={(buildings) => set({ buildings })} />
        <TextField id={fid(key('storeys'))} label="Floors" numeric value={site.storeys} placeholder="1" error={p.error(key('storeys'))} onValue={(storeys) => set({ storeys })} />
        <TextField id={fid(key('area'))} label="Floor area" unit={p.units === 'imperial' ? 'sq ft' : 'm²'} numeric value={site.area} placeholder={typicalArea(400, p).split(' ')[0]} error={p.error(key('area'))} onValue={(area) => set({ area })} />
        <TextField id={fid(key('ceiling'))} label="Highest ceiling" unit={feet} numeric value={site.ceiling} placeholder={formatLength(3, p.units, p.locale).split(' ')[0]} error={p.error(key('ceiling'))} onValue={(ceiling) => set({ ceiling })} />
        <TextField id={fid(key('exits'))} label="Exits to the outside" numeric value={site.exits} placeholder="2" error={p.error(key('exits'))} onValue={(exits) => set({ exits })} />
        <TextField id={fid(key('accessDoors'))} label="Doors to open with a card or phone" numeric value={site.accessDoors} placeholder="0" error={p.error(key('accessDoors'))} onValue={(accessDoors) => set({ accessDoors })} />
        <TextField id={fid(key('staff'))} label="Staff" numeric value={site.staff} placeholder="10" error={p.error(key('staff'))} onValue={(staff) => set({ staff })} />
      </div>
      <p class="field__hint">Leave any number blank if you are not sure: we use the typical figure shown.</p>
      <SelectField id={fid(key('hours'))} label="Opening hours" value={site.hours} options={hoursOptions} error={p.error(key('hours'))} onValue={(hours) => set({ hours })} />
      <SelectField id={fid(key('wiringAccess'))} label="How easy is it to run cable?" value={site.wiringAccess} options={[['', 'Not sure'], ...wiringOptions.slice(0, 3)]} error={p.error(key('wiringAccess'))} onValue={(wiringAccess) => set({ wiringAccess })} />
      {count > 1 && (
        <button type="button" class="button button--secondary button--small" onClick={() => { removeSiteDraft(i); focusField(fid('add-site')); }}>
          Remove {site.name || `site ${i + 1}`}
        </button>
      )}
    </SiteBlock>
  );
}

function SiteAreas({ site, i, count, p }: { site: SiteDraft; i: number; count: number; p: QuestionProps<BusinessDraft> }) {
  const key = (j: number, field: string) => `sites.${i}.areasToWatch.${j}.${field}`;
  return (
    <SiteBlock index={i} count={count} title={site.name || 'Unnamed site'}>
      {site.areasToWatch.length === 0 && <p class="muted">No areas yet. Add the places a camera should watch, such as the entrance, the till or the loading bay.</p>}
      <ol class="area-list">
        {site.areasToWatch.map((area, j) => (
          <li key={j} class="area">
            <TextField id={fid(key(j, 'name'))} label={`Area ${j + 1}`} value={area.name} maxLength={60} error={p.error(key(j, 'name'))} onValue={(name) => updateArea(i, j, { name })} />
            <SelectField id={fid(key(j, 'purpose'))} label="The picture must let you" value={area.purpose} options={purposes} error={p.error(key(j, 'purpose'))} onValue={(purpose) => updateArea(i, j, { purpose })} />
            <TextField id={fid(key(j, 'distance'))} label="Distance from the camera" unit={p.units === 'imperial' ? 'ft' : 'm'} numeric value={area.distance} placeholder={formatLength(TYPICAL_VIEW_DISTANCE_M, p.units, p.locale).split(' ')[0]}
              hint="Blank: we assume the typical distance shown." error={p.error(key(j, 'distance'))} onValue={(distance) => updateArea(i, j, { distance })} />
            <Choice id={fid(key(j, 'outdoor'))} legend="Where is it?" inline value={area.outdoor ? 'out' : 'in'} options={[['in', 'Indoors'], ['out', 'Outdoors']]} onValue={(v) => updateArea(i, j, { outdoor: v === 'out' })} />
            <button type="button" class="button button--secondary button--small" onClick={() => { removeArea(i, j); focusField(fid(`add-area-${i}`)); }}>
              Remove {area.name || `area ${j + 1}`}
            </button>
          </li>
        ))}
      </ol>
      <button type="button" id={fid(`add-area-${i}`)} class="button button--secondary" onClick={() => { addArea(i); setTimeout(() => focusField(fid(key(site.areasToWatch.length, 'name'))), 30); }}>
        Add an area to watch
      </button>
    </SiteBlock>
  );
}

/** The questions of one business step. */
export function BusinessQuestions({ step, ...p }: QuestionProps<BusinessDraft> & { step: string }) {
  const { draft: d, error } = p;
  const count = d.sites.length;
  switch (step) {
    case 'about':
      return (
        <>
          <TextField id={fid('organisation')} label="Business name (optional)" value={d.organisation} maxLength={80} autoComplete="organization" error={error('organisation')} onValue={(organisation) => updateBusiness({ organisation })} />
          <Checks id={fid('systems')} legend="Which systems are you interested in?" hint="Choose at least one. We add fire alarms where the code requires them." values={d.systems} error={error('systems')}
            options={(['video', 'intrusion', 'fire', 'access'] as const).map((s) => [s, systemInfo[s].name] as const)} onToggle={(s, on) => updateBusiness({ systems: toggled(d.systems, s, on) })} />
        </>
      );
    case 'sites':
      return (
        <>
          {d.sites.map((site, i) => <SiteBasics key={i} site={site} i={i} count={count} p={p} />)}
          {error('sites') && <p class="field__error">{error('sites')}</p>}
          {count < 50 && (
            <button type="button" id={fid('add-site')} class="button button--secondary" onClick={() => { const i = addSiteDraft(); setTimeout(() => focusField(fid(`sites.${i}.name`)), 30); }}>
              Add another site
            </button>
          )}
        </>
      );
    case 'areas':
      return (
        <>
          {!d.systems.includes('video') && <p class="callout">You did not choose cameras, so areas to watch are only used if you add them later.</p>}
          {d.sites.map((site, i) => <SiteAreas key={i} site={site} i={i} count={count} p={p} />)}
        </>
      );
    case 'needs':
      return (
        <>
          {d.sites.map((site, i) => (
            <SiteBlock key={i} index={i} count={count} title={site.name || 'Unnamed site'}>
              <Checks id={fid(`sites.${i}.requirements`)} legend="Requirements that apply" hint="Leave unticked if none apply or you are not sure." values={site.requirements} error={error(`sites.${i}.requirements`)}
                options={requirementOptions} onToggle={(r, on) => updateSite(i, { requirements: toggled(site.requirements, r, on) })} />
              <ExistingFields prefix={`sites.${i}.`} existing={site.existing} error={error} onChange={(patch) => updateSite(i, { existing: { ...site.existing, ...patch } })} />
            </SiteBlock>
          ))}
        </>
      );
    case 'budget':
      return (
        <>
          <Choice id={fid('monitoring')} legend="Should a monitoring center watch your alarms?" hint="Where the fire code or your insurer requires it, we include it either way." value={d.monitoring} error={error('monitoring')}
            onValue={(monitoring) => updateBusiness({ monitoring })} options={monitoringOptions} />
          <Choice id={fid('budget')} legend="How do you lean on budget?" hint="We show three options either way and highlight the one that matches." value={d.budget} error={error('budget')} onValue={(budget) => updateBusiness({ budget })} options={budgetOptions} />
        </>
      );
    default:
      return null;
  }
}
