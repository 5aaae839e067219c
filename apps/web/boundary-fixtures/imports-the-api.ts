// layer-order: the page does not reach into the API app either.
export type { AppConfig } from '../../api/src/config.js';
