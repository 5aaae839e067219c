// not-to-unresolvable: an import nobody can follow is an error, not a blind spot.
// @ts-expect-error the file is missing on purpose
export type { Missing } from './missing.js';
