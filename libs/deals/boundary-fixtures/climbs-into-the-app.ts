// no-apps-from-libs: a lib does not climb into apps/ either.
export type { AppConfig } from '../../../apps/api/src/config.js';
