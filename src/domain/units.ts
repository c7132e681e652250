/** Values are stored metric; customers read and type them in the installer's chosen units. */
export type UnitSystem = 'imperial' | 'metric';

export const FEET_PER_METRE = 3.28084;
export const SQFT_PER_M2 = 10.7639;

const numberFormats = new Map<string, Intl.NumberFormat>();
const formatted = new Map<string, string>();

/**
 * Formatting sits on the estimate's hot path and Intl is slow, so formatters are made once per
 * locale and precision, and recent results are remembered (the same few numbers recur).
 */
export function formatNumber(value: number, locale: string, digits = 0): string {
  const key = `${locale}|${digits}|${value}`;
  const known = formatted.get(key);
  if (known !== undefined) return known;
  const formatKey = `${locale}|${digits}`;
  let format = numberFormats.get(formatKey);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: digits });
    numberFormats.set(formatKey, format);
  }
  const text = format.format(value);
  if (formatted.size > 2000) formatted.clear();
  formatted.set(key, text);
  return text;
}

export function formatLength(metres: number, units: UnitSystem, locale: string, feetDigits = 0): string {
  return units === 'imperial' ? `${formatNumber(metres * FEET_PER_METRE, locale, feetDigits)} ft` : `${formatNumber(metres, locale, 1)} m`;
}

export function formatArea(m2: number, units: UnitSystem, locale: string): string {
  return units === 'imperial' ? `${formatNumber(m2 * SQFT_PER_M2, locale)} sq ft` : `${formatNumber(m2, locale)} m²`;
}

/**
 * A figure the site assumed reads as the rough figure it is: area to the nearest 50 sq ft (5 m²),
 * ceiling height to the nearest half foot (0.1 m). 180 m² reads "1,950 sq ft", not "1,938 sq ft".
 */
export const roughAreaValue = (m2: number, units: UnitSystem) => (units === 'imperial' ? Math.round((m2 * SQFT_PER_M2) / 50) * 50 : Math.round(m2 / 5) * 5);
export const roughLengthValue = (metres: number, units: UnitSystem) => (units === 'imperial' ? Math.round(metres * FEET_PER_METRE * 2) / 2 : Math.round(metres * 10) / 10);

export function roughArea(m2: number, units: UnitSystem, locale: string): string {
  return `${formatNumber(roughAreaValue(m2, units), locale)} ${units === 'imperial' ? 'sq ft' : 'm²'}`;
}

export function roughLength(metres: number, units: UnitSystem, locale: string): string {
  return `${formatNumber(roughLengthValue(metres, units), locale, 1)} ${units === 'imperial' ? 'ft' : 'm'}`;
}

export function lengthToMetres(value: number, units: UnitSystem): number {
  return units === 'imperial' ? value / FEET_PER_METRE : value;
}

export function areaToM2(value: number, units: UnitSystem): number {
  return units === 'imperial' ? value / SQFT_PER_M2 : value;
}

export function formatHours(hours: number, locale: string): string {
  const rounded = Math.round(hours * 2) / 2;
  return `${formatNumber(rounded, locale, 1)} ${rounded === 1 ? 'hour' : 'hours'}`;
}

/** "1 smoke alarm", "3 smoke alarms". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
