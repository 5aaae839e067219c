// no-circular, with cycle-a.ts.
import type { A } from './cycle-a.js';

export interface B {
  previous?: A;
}
