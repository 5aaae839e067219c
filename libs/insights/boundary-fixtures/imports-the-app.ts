// no-apps-from-libs: only test/ imports #api.
export type { AppConfig } from '#api';
