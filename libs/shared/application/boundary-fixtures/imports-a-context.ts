// layer-order: the shared application layer serves every context and knows none of them.
export type { ReasonEvent } from '#reasons';
