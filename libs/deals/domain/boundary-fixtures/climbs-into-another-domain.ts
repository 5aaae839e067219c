// domain-is-pure and entry-points-only: another lib's domain, by a relative path.
export type { ReasonEvent } from '../../../reasons/domain/events.js';
