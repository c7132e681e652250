import type { Issue } from '../issues';

/**
 * HTML forms send flat name=value pairs; the request schemas expect nested objects. Fields are named
 * by their path in the schema ("contact.email", "addresses.0.postalCode", "windows.1.part"), so this
 * adapter rebuilds the object and an error's path names the field it belongs to.
 *
 * Blank fields are left out (the schema then says what is missing). Rows of `compact` arrays that
 * are entirely blank are dropped: a customer who fills the second preferred time but not the first
 * has given one time. `indexMap` remembers where each kept row came from, so an error on the kept
 * row is shown beside the row the customer filled in.
 */

export interface FormObject {
  value: Record<string, unknown>;
  /** For each compacted array: kept index → the index of the row in the form. */
  indexMap: Record<string, number[]>;
}

export interface FormOptions {
  /** Fields that are checkboxes: present means true. */
  booleans?: readonly string[];
  /** Fields holding JSON (the attached configuration). */
  json?: readonly string[];
  /** Arrays whose blank rows are dropped; `*` stands for every row of an array on the way ("addresses.*.windows"). */
  compact?: readonly string[];
  /** Fields that are not part of the request (idempotency key, honeypot). */
  ignore?: readonly string[];
  /**
   * Groups the form always shows (the contact details, an address): present even when every field in
   * them is blank, so the schema names each missing field rather than the group as a whole.
   */
  groups?: readonly string[];
}

type Container = Record<string, unknown> | unknown[];

/** Names that would reach Object.prototype through a plain object: never used as keys. */
const unsafeKeys = new Set(['__proto__', 'constructor', 'prototype']);

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node: Container = target;
  path.forEach((segment, i) => {
    const last = i === path.length - 1;
    const key: string | number = /^\d{1,3}$/.test(segment) ? Number(segment) : segment;
    const record = node as Record<string | number, unknown>;
    if (last) {
      record[key] = value;
      return;
    }
    const nextIsIndex = /^\d{1,3}$/.test(path[i + 1]!);
    // Only the container's own entries: an inherited one would be a built-in object.
    if (!Object.hasOwn(record, key) || typeof record[key] !== 'object' || record[key] === null) record[key] = nextIsIndex ? [] : {};
    node = record[key] as Container;
  });
}

function has(target: Record<string, unknown>, path: string[]): boolean {
  let node: unknown = target;
  for (const segment of path) {
    if (!node || typeof node !== 'object' || !Object.hasOwn(node, segment)) return false;
    node = (node as Record<string, unknown>)[segment];
  }
  return true;
}

function isBlank(value: unknown): boolean {
  if (value === undefined) return true;
  if (value && typeof value === 'object') return Object.values(value).every(isBlank);
  return false;
}

/**
 * Drops the blank rows of the arrays `pattern` names ("windows", or "addresses.*.windows" for the
 * windows of every address), recording under each array's own path which rows were kept.
 */
function compactRows(node: unknown, pattern: string[], at: string[], indexMap: Record<string, number[]>): void {
  if (!node || typeof node !== 'object') return;
  const [head, ...rest] = pattern as [string, ...string[]];
  const container = node as Record<string, unknown>;
  if (head === '*') {
    if (Array.isArray(node)) node.forEach((child, i) => compactRows(child, rest, [...at, String(i)], indexMap));
    return;
  }
  if (!Object.hasOwn(container, head)) return;
  if (rest.length > 0) return compactRows(container[head], rest, [...at, head], indexMap);
  const rows = container[head];
  if (!Array.isArray(rows)) return;
  const kept: number[] = [];
  rows.forEach((row, i) => {
    if (!isBlank(row)) kept.push(i);
  });
  container[head] = kept.map((i) => rows[i] ?? {});
  indexMap[[...at, head].join('.')] = kept;
}

export function formToObject(form: FormData, options: FormOptions = {}): FormObject {
  const value: Record<string, unknown> = {};
  const ignore = new Set(options.ignore ?? []);
  const booleans = new Set(options.booleans ?? []);
  const json = new Set(options.json ?? []);
  for (const [name, raw] of form.entries()) {
    // Files are never expected; names must look like paths, so odd input cannot reach the prototype.
    if (typeof raw !== 'string' || ignore.has(name) || !/^[A-Za-z][A-Za-z0-9]*(\.(\d{1,3}|[A-Za-z][A-Za-z0-9]*))*$/.test(name)) continue;
    const path = name.split('.');
    if (path.some((segment) => unsafeKeys.has(segment))) continue;
    if (booleans.has(name)) {
      setPath(value, path, raw !== '' && raw !== 'false');
      continue;
    }
    if (raw.trim() === '') continue;
    if (json.has(name)) {
      let parsed: unknown = raw;
      try {
        parsed = JSON.parse(raw);
      } catch {
        // Left as text: the schema reports that it is not what was expected.
      }
      setPath(value, path, parsed);
      continue;
    }
    setPath(value, path, raw);
  }
  const indexMap: Record<string, number[]> = {};
  for (const pattern of options.compact ?? []) compactRows(value, pattern.split('.'), [], indexMap);
  for (const group of options.groups ?? []) {
    const path = group.split('.');
    if (!has(value, path)) setPath(value, path, {});
  }
  // Sparse arrays (a row missing in the middle) become dense with empty rows, which the schema names.
  for (const [key, rows] of Object.entries(value)) {
    if (Array.isArray(rows)) value[key] = Array.from(rows, (row) => row ?? {});
  }
  return { value, indexMap };
}

/** The form field an issue path belongs to: ["windows", 0, "date"] → "windows.2.date" when row 2 was the first one filled. */
export function fieldNameOf(path: Issue['path'], indexMap: Record<string, number[]> = {}): string {
  const parts = path.map(String);
  // Each compacted array on the way, outermost first: its kept index becomes the row in the form.
  for (let i = 0; i < parts.length - 1; i++) {
    const map = indexMap[parts.slice(0, i + 1).join('.')];
    const index = parts[i + 1]!;
    if (map && /^\d+$/.test(index)) parts[i + 1] = String(map[Number(index)] ?? index);
  }
  return parts.join('.');
}
