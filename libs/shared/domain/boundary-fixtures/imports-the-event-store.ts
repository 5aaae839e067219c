// layer-order and domain-is-pure: the shared domain is the lowest layer and pure.
export type { EventStore } from '#event-store';
