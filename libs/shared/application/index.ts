export * from './command-runner.js';
export * from './handle-command.js';
export * from './tokens.js';
