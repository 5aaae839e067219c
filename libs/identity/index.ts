export { TokenVerifier, actorFromClaims, bearerToken, type TokenVerifierOptions } from './token-verifier.js';
export { ensureDevCredentials, type DevCredentials } from './dev-credentials.js';
