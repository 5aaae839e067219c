export * from './command-runner.js';
export * from './execute-command.js';
export * from './tokens.js';
export * from './aggregate-commands.js';
