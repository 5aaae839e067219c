// in-a-layer: nothing imports a lib that LAYERS does not name.
export type { DomainError } from '../../boundary-fixtures/not-in-a-layer.js';
