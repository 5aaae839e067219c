// domain-is-pure: contexts meet outside their domains, even through an entry point.
export type { ReasonEvent } from '#reasons';
