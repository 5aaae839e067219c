export const APP_CONFIG = Symbol('AppConfig');
/** The development credentials this service made at start, or null when it has auth configuration. */
export const DEV_CREDENTIALS = Symbol('DevCredentials');
