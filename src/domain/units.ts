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

export function formatLength(metres: number, units: UnitSystem, locale: string): string {
  return units === 'imperial' ? `${formatNumber(metres * FEET_PER_METRE, locale)} ft` : `${formatNumber(metres, locale, 1)} m`;
}

export function formatArea(m2: number, units: UnitSystem, locale: string): string {
  return units === 'imperial' ? `${formatNumber(m2 * SQFT_PER_M2, locale)} sq ft` : `${formatNumber(m2, locale)} m²`;
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
