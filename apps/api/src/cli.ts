import { existsSync } from 'node:fs';
import { ConfigError, loadConfig, type AppConfig } from './config.js';

/**
 * The configuration from the environment (with ./.env's variables beneath it, when there is one:
 * a variable already set wins), or one line naming the bad variable and exit 1.
 */
export function configOrExit(): AppConfig {
  try {
    if (existsSync('.env')) process.loadEnvFile('.env');
    return loadConfig();
  } catch (error) {
    return startFailure(error);
  }
}

/**
 * Ends a start that failed with one plain line: what is wrong and what to do (the errors meant
 * for a person say both; another error is given with its own message) and exit code 1.
 */
export function startFailure(error: unknown): never {
  const message = error instanceof ConfigError ? `Configuration error: ${error.message}` : `Tandem could not start: ${messageOf(error)}`;
  process.stderr.write(`${message.replace(/\s*\n\s*/g, ' ')}\n`);
  process.exit(1);
}

function messageOf(error: unknown): string {
  const message = plainMessage(error);
  // better-sqlite3 compiles at install; an install that skipped its build leaves no binding.
  if (message.startsWith('Could not locate the bindings file')) {
    return 'better-sqlite3 is not compiled for this Node.js: run npm rebuild better-sqlite3 (it needs python3, make and a C++ compiler)';
  }
  return message;
}

function plainMessage(error: unknown): string {
  return error instanceof Error || (typeof error === 'object' && error !== null && 'message' in error)
    ? String((error as { message: unknown }).message)
    : String(error);
}

/** Runs a command-line entry point; what it throws is printed as its message (with the stack at LOG_LEVEL=debug), exit 1. */
export function runCli(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    const debug = ['debug', 'trace'].includes(process.env['LOG_LEVEL'] ?? '');
    process.stderr.write(`${error instanceof Error ? ((debug ? error.stack : undefined) ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
