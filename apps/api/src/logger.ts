import type { LoggerService } from '@nestjs/common';
import { pino, type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { AppConfig, LogLevel } from './config.js';

export type { Logger };

/**
 * JSON lines in production, for a log collector; readable lines everywhere else, for a person at
 * a terminal. Written synchronously either way, so the last lines before an exit are not lost.
 */
export function createLogger(level: LogLevel, options: { pretty?: boolean } = {}): Logger {
  const base = { level, base: { service: 'tandem' } };
  if (!options.pretty) return pino(base);
  return pino(
    base,
    pretty({ sync: true, colorize: process.stdout.isTTY === true, translateTime: 'HH:MM:ss.l', singleLine: true, ignore: 'pid,hostname,service' }),
  );
}

/** The service's logger as its configuration asks for. */
export const loggerFor = (config: Pick<AppConfig, 'logLevel' | 'production'>): Logger =>
  createLogger(config.logLevel, { pretty: !config.production });

/**
 * Lets Nest's own messages go through the same log. Its routine start-up lines (every module
 * loaded, every route mapped) go to debug: at info a start says what a person needs, once.
 */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }
}
