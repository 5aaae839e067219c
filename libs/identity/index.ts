export { bearerToken, TokenVerifier } from './token-verifier.js';
export { ensureDevCredentials, type DevCredentials } from './dev-credentials.js';
