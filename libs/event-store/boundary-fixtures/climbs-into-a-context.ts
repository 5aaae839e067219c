// layer-order: the event store sits below every context, by a relative path too.
export type { DealEvent } from '../../deals/domain/events.js';
