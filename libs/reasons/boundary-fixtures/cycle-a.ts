// no-circular, with cycle-b.ts.
import type { B } from './cycle-b.js';

export interface A {
  next?: B;
}
