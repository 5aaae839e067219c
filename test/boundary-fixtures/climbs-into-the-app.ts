// libs-by-specifier: the app's entry point, by a relative path instead of #api.
export type { AppConfig } from '../../apps/api/src/index.js';
