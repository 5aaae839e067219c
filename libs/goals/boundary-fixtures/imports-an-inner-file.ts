// entry-points-only: another lib's inner file, by a relative path.
export type { DealsReader } from '../../deals/read-models/deal/deals.reader.js';
