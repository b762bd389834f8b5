import type { CockpitFigureDef } from './cockpit-figure.js';
import { HOME_FIGURES, ORGANISATION_FIGURES } from './cockpit-figures-organisation.js';
import { WELFARE_FIGURES } from './cockpit-figures-welfare.js';
import { WORK_FIGURES } from './cockpit-figures-work.js';

/** Every cockpit figure, in display order (the contract's group order). */
export const COCKPIT_FIGURES: readonly CockpitFigureDef[] = [...ORGANISATION_FIGURES, ...HOME_FIGURES, ...WELFARE_FIGURES, ...WORK_FIGURES];

/** Every counter key the figures read. */
export const COCKPIT_COUNTER_KEYS: readonly string[] = [...new Set(COCKPIT_FIGURES.flatMap((f) => f.counters))];
