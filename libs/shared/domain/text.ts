import { invalidInput } from './domain-error.js';

/** How much of a value an error message may repeat (PRODUCT §6). */
export const MAX_ECHO = 100;

/** The value as an error message may repeat it: at most MAX_ECHO characters, then an ellipsis. */
export function excerpt(value: string): string {
  const characters = [...value.slice(0, MAX_ECHO * 2)];
  return characters.length > MAX_ECHO || value.length > MAX_ECHO * 2 ? `${characters.slice(0, MAX_ECHO).join('')}…` : value;
}

export interface TextOptions {
  /** Notes, summaries and the like may hold tabs and line breaks; names and titles may not. */
  readonly multiline?: boolean;
}

// C0 controls, and the bidirectional overrides and isolates that make text read other than it is
// stored (U+202A–U+202E, U+2066–U+2069).
// eslint-disable-next-line no-control-regex -- finding control characters is what these are for
const CONTROL = /[\u0000-\u001F\u202A-\u202E\u2066-\u2069]/u;
// eslint-disable-next-line no-control-regex -- finding control characters is what these are for
const CONTROL_BUT_TAB_AND_NEWLINE = /[\u0000-\u0008\u000B-\u001F\u202A-\u202E\u2066-\u2069]/u;

/** A required text of min..max characters (after trimming the ends), free of control characters. */
export function requireText(value: string, field: string, min: number, max: number, options: TextOptions = {}): string {
  const found = (options.multiline ? CONTROL_BUT_TAB_AND_NEWLINE : CONTROL).exec(value);
  if (found !== null) {
    const code = found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    throw invalidInput(
      field,
      `${field} must not contain control characters${options.multiline ? ' other than tabs and line breaks' : ''} or bidirectional overrides (U+${code} at character ${[...value.slice(0, found.index)].length + 1})`,
    );
  }
  const text = value.trim();
  const length = [...text].length;
  if (length < min) {
    throw invalidInput(field, min === 1 ? `${field} must not be empty` : `${field} must have at least ${min} characters`);
  }
  if (length > max) throw invalidInput(field, `${field} must have at most ${max} characters, got ${length}`);
  return text;
}

/** An optional text of up to max characters; empty or blank means absent. */
export function optionalText(value: string | null | undefined, field: string, max: number, options: TextOptions = {}): string | null {
  if (value === undefined || value === null) return null;
  if (value.trim().length === 0) return null;
  return requireText(value, field, 1, max, options);
}
