import type { Locatable, OffsetEdit } from '../framework/types';

/** Inserts text right after a word or instruction. */
export function insertAfter(at: Locatable, text: string): OffsetEdit {
  return { start: at.end, end: at.end, text };
}

/** Inserts text right before a word or instruction. */
export function insertBefore(at: Locatable, text: string): OffsetEdit {
  return { start: at.start, end: at.start, text };
}

/** Replaces a word or range. */
export function replace(at: Locatable, text: string): OffsetEdit {
  return { start: at.start, end: at.end, text };
}
