// domain-tests-are-pure: a domain's tests hold to the domain's imports, plus the test tools.
export type { DealsReader } from '../../read-models/deal/deals.reader.js';
