// layer-order: the app sits below test/.
export type { expectEventually } from '../../../../test/support/expect-eventually.js';
