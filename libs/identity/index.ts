export { bearerToken, TokenVerifier, type Verified } from './token-verifier.js';
export { ensureDevCredentials, readDevSecret, type DevCredentials } from './dev-credentials.js';
export { issueToken, teamOf, type TokenRequest } from './issue-token.js';
