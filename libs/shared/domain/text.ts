import { invalidInput } from './domain-error.js';

/** A required text of min..max characters (after trimming the ends). */
export function requireText(value: string, field: string, min: number, max: number): string {
  const text = value.trim();
  const length = [...text].length;
  if (length < min) {
    throw invalidInput(field, min === 1 ? `${field} must not be empty` : `${field} must have at least ${min} characters`);
  }
  if (length > max) throw invalidInput(field, `${field} must have at most ${max} characters, got ${length}`);
  return text;
}

/** An optional text of up to max characters; empty or blank means absent. */
export function optionalText(value: string | null | undefined, field: string, max: number): string | null {
  if (value === undefined || value === null) return null;
  const text = value.trim();
  if (text.length === 0) return null;
  return requireText(text, field, 1, max);
}
