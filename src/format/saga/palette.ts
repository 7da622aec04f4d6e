// How a stage looks in the charts: a colour from the Okabe-Ito palette (told apart with the common
// colour-vision deficiencies) and a shape, so that a stage reads without its colour too (in print,
// or for a reader who cannot tell two hues apart). Dark pages lighten the two that fade on black
// (black itself, and the dark blue).
import type { Status } from '../../schema.js';

/** Stages from the first word of interest to the move done, then the two ends that are no move. */
export const STAGE_ORDER: readonly Status[] = ['interest', 'talks', 'bid', 'agreed', 'completed', 'rejected', 'denied'];

export interface StageLook {
  light: string;
  dark: string;
  /** A d3-shape filled symbol (see ./svg.ts). */
  symbol: 'circle' | 'square' | 'triangle' | 'diamond' | 'star' | 'cross' | 'wye';
  /** The character a terminal timeline draws it with (./spark.ts). */
  block: string;
}

export const STAGE_LOOK: Record<Status, StageLook> = {
  interest: { light: '#56B4E9', dark: '#56B4E9', symbol: 'circle', block: '▂' },
  talks: { light: '#0072B2', dark: '#3D9BE0', symbol: 'square', block: '▃' },
  bid: { light: '#E69F00', dark: '#E69F00', symbol: 'triangle', block: '▄' },
  agreed: { light: '#009E73', dark: '#009E73', symbol: 'diamond', block: '▆' },
  completed: { light: '#000000', dark: '#F0F0F0', symbol: 'star', block: '█' },
  rejected: { light: '#D55E00', dark: '#D55E00', symbol: 'cross', block: '▁' },
  denied: { light: '#CC79A7', dark: '#CC79A7', symbol: 'wye', block: '▁' },
};

/** The more decisive of two stages, for a place where only one can show (a terminal cell, a crowded day). */
export function laterStage(a: Status, b: Status): Status {
  return STAGE_ORDER.indexOf(b) > STAGE_ORDER.indexOf(a) ? b : a;
}
