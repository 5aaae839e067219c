export { bearerToken, TokenVerifier, type Verified } from './token-verifier.js';
export { ensureDevCredentials, type DevCredentials } from './dev-credentials.js';
