// domain-is-pure: the domain does not know its own read side.
export type { DealsReader } from '../../read-models/deal/deals.reader.js';
