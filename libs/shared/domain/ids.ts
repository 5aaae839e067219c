import { randomUUID } from 'node:crypto';
import { invalidInput } from './domain-error.js';

const CLIENT_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** A client-chosen id, checked, or a new UUID when the client chose none. */
export function clientIdOrNew(value: string | null | undefined, field: string): string {
  if (value === undefined || value === null) return randomUUID();
  return requireId(value, field);
}

export function requireId(value: string, field: string): string {
  if (!CLIENT_ID.test(value)) {
    throw invalidInput(field, `${field} must be 1 to 64 characters of A-Z, a-z, 0-9, "_" or "-", got "${truncate(value)}"`);
  }
  return value;
}

function truncate(value: string): string {
  return value.length > 70 ? `${value.slice(0, 67)}...` : value;
}
