import { randomUUID } from 'node:crypto';
import { invalidInput } from './domain-error.js';
import { excerpt } from './text.js';

const CLIENT_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** A client-chosen id, checked, or a new UUID when the client chose none. */
export function clientIdOrNew(value: string | null | undefined, field: string): string {
  if (value === undefined || value === null) return randomUUID();
  return requireId(value, field);
}

export function requireId(value: string, field: string): string {
  if (!CLIENT_ID.test(value)) {
    throw invalidInput(field, `${field} must be 1 to 64 characters of A-Z, a-z, 0-9, "_" or "-", got "${excerpt(value)}"`);
  }
  return value;
}

const CODE = /^[A-Z][A-Z0-9_]{1,49}$/;

/** A code such as a reason's: an upper-case letter, then 1 to 49 of A-Z, 0-9 or "_". */
export function requireCode(value: string, field: string, what = 'a code'): string {
  if (!CODE.test(value)) {
    throw invalidInput(field, `${field} must be ${what}: an upper-case letter, then 1 to 49 of A-Z, 0-9 or "_", got "${excerpt(value)}"`);
  }
  return value;
}

/** min..max distinct codes, in the order given. */
export function requireCodes(
  codes: readonly string[],
  field: string,
  { min, max, what }: { readonly min: number; readonly max: number; readonly what: string },
): readonly string[] {
  if (codes.length < min) throw invalidInput(field, `${field} must name at least ${min} ${what}${min === 1 ? '' : 's'}`);
  if (codes.length > max) throw invalidInput(field, `${field} may name at most ${max} ${what}s, got ${codes.length}`);
  const seen = new Set<string>();
  for (const code of codes) {
    requireCode(code, field, `a list of ${what} codes`);
    if (seen.has(code)) throw invalidInput(field, `${field} names "${code}" more than once; each ${what} counts once`);
    seen.add(code);
  }
  return codes.slice();
}

