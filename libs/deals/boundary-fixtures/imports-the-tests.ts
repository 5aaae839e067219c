// layer-order: test/ is the top layer; nothing imports it.
export type { expectEventually } from '../../../test/support/expect-eventually.js';
