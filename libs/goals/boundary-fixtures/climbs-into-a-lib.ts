// libs-by-specifier: the right entry point, by a relative path instead of #deals.
export type { DealEvent } from '../../deals/index.js';
