import { atom } from 'nanostores';
import type { Configuration } from '~/domain/configuration/configuration';
import { $configuration } from './state';

/**
 * One step back. Changes that replace or remove something keep the configuration they replaced, so
 * the page can offer "Undo"; any other edit forgets it, since undoing past it would lose that edit.
 */

export interface UndoStep {
  label: string;
  configuration: Configuration | null;
  /** Puts back what went with that configuration (the package it was), as the undo restores it. */
  restore?: () => void;
}
export const $undo = atom<UndoStep | null>(null);

/** Puts another configuration (or none) in place of the working one, keeping that one for undo. */
export function replaceWith(next: Configuration | null, label: string, restore?: () => void): void {
  const current = $configuration.get();
  if (current) $undo.set({ label, configuration: current, ...(restore ? { restore } : {}) });
  $configuration.set(next);
}

/** An ordinary edit: applied when it changes something, and then undo no longer applies. */
export function change(update: (config: Configuration) => Configuration): void {
  const config = $configuration.get();
  if (!config) return;
  const next = update(config);
  if (next !== config) {
    $undo.set(null);
    $configuration.set(next);
  }
}

/** An edit that removes something: it can be undone. */
export function removing(label: string, update: (config: Configuration) => Configuration): void {
  const config = $configuration.get();
  if (!config) return;
  const next = update(config);
  if (next === config) return;
  $configuration.set(next);
  $undo.set({ label, configuration: config });
}

export function undo(): void {
  const step = $undo.get();
  if (!step) return;
  step.restore?.();
  $configuration.set(step.configuration);
  $undo.set(null);
}
