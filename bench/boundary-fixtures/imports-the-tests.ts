// layer-order: the bench and the tests share a layer; neither imports the other.
export type { TestIdentity } from '../../test/support/tokens.js';
