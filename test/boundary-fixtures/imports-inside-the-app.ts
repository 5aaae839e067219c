// entry-points-only: tests reach the app through #api only.
export type { AppConfig } from '../../apps/api/src/config.js';
