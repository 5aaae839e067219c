export * from './execute-command.js';
export * from './tokens.js';
