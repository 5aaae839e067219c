// in-a-layer: a lib that LAYERS does not name would escape every other rule.
export type { DomainError } from '#shared';
