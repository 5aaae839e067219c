import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../logger.js';

/** Set on `response.locals` by a part that answers 5xx on purpose (a shutdown refusing new work). */
export const DELIBERATE_REFUSAL = 'deliberateRefusal';

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
 * error for the server's own faults (5xx, but for the probes' and the shutdown's deliberate 503s).
 */
export function requestLog(logger: Logger) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const correlationId = correlationIdOf(request);
    (request as Request & { correlationId?: string }).correlationId = correlationId;
    response.setHeader(CORRELATION_HEADER, correlationId);
    const started = performance.now();
    // Read now: a router mounted at a path (Apollo's at /graphql) shortens request.path under it.
    const path = request.path;
    response.once('finish', () => {
      const line = {
        correlationId,
        method: request.method,
        path,
        status: response.statusCode,
        ms: Math.round((performance.now() - started) * 10) / 10,
      };
      const message = `${request.method} ${path} ${response.statusCode}`;
      // A probe saying "not ready" and a shutdown refusing new work answer 503 as they should.
      const fault = response.statusCode >= 500 && response.locals[DELIBERATE_REFUSAL] !== true && !path.startsWith('/health');
      if (fault) logger.error(line, message);
      else logger.info(line, message);
    });
    next();
  };
}
