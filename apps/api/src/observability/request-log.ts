import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../logger.js';

/** The header a caller may send its own correlation id in; the answer always carries the one used. */
export const CORRELATION_HEADER = 'x-correlation-id';

const CALLER_ID = /^[\w-]{1,64}$/;

/** The request's correlation id: the caller's when it sent a usable one, else a new one. */
export function correlationIdOf(request: Request): string {
  const known = (request as Request & { correlationId?: string }).correlationId;
  if (known !== undefined) return known;
  const sent = request.headers[CORRELATION_HEADER];
  return typeof sent === 'string' && CALLER_ID.test(sent) ? sent : randomUUID();
}

/**
 * Gives every request its correlation id (which commands put in every event's metadata) and
 * logs one line per request when it is answered: at info for successes and client errors, at
 * error for the server's own faults (5xx).
 */
export function requestLog(logger: Logger) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const correlationId = correlationIdOf(request);
    (request as Request & { correlationId?: string }).correlationId = correlationId;
    response.setHeader(CORRELATION_HEADER, correlationId);
    const started = performance.now();
    response.once('finish', () => {
      const line = {
        correlationId,
        method: request.method,
        path: request.path,
        status: response.statusCode,
        ms: Math.round((performance.now() - started) * 10) / 10,
      };
      const message = `${request.method} ${request.path} ${response.statusCode}`;
      if (response.statusCode >= 500) logger.error(line, message);
      else logger.info(line, message);
    });
    next();
  };
}
