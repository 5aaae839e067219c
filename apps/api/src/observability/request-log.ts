import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from '../logger.js';

/** The header a caller may send its own correlation id in; the answer always carries the one used. */
export const CORRELATION_HEADER = 'x-correlation-id';

const CALLER_ID = /^[\w-]{1,64}$/;

/** The correlation id given to each request, by its Node request (which every layer can reach). */
const correlationIds = new WeakMap<IncomingMessage, string>();
/** Replies a part answered 5xx on purpose (a shutdown refusing new work). */
const deliberateRefusals = new WeakSet<IncomingMessage>();

/** The request's correlation id: the one given when it arrived, else the caller's when usable, else a new one. */
export function correlationIdOf(request: Pick<FastifyRequest, 'raw' | 'headers'>): string {
  const known = correlationIds.get(request.raw);
  if (known !== undefined) return known;
  const sent = request.headers[CORRELATION_HEADER];
  return typeof sent === 'string' && CALLER_ID.test(sent) ? sent : randomUUID();
}

/** Says that this 5xx is meant (a shutdown refusing new work), so it is not logged as a fault. */
export function markDeliberateRefusal(request: Pick<FastifyRequest, 'raw'>): void {
  deliberateRefusals.add(request.raw);
}

/** The request's path, without its query string. */
export const pathOf = (request: Pick<FastifyRequest, 'url'>): string => {
  const query = request.url.indexOf('?');
  return query === -1 ? request.url : request.url.slice(0, query);
};

/**
 * Gives every request its correlation id (which commands put in every event's metadata) and
 * logs one line per request when it is answered: at info for successes and client errors, at
 * error for the server's own faults (5xx, but for the probes' and the shutdown's deliberate 503s).
 * Registered first, so that every answer is logged, a refused body included.
 */
export function logRequests(app: FastifyInstance, logger: Logger): void {
  app.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    const correlationId = correlationIdOf(request);
    correlationIds.set(request.raw, correlationId);
    void reply.header(CORRELATION_HEADER, correlationId);
    done();
  });
  app.addHook('onResponse', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    const path = pathOf(request);
    const status = reply.statusCode;
    const line = { correlationId: correlationIdOf(request), method: request.method, path, status, ms: Math.round(reply.elapsedTime * 10) / 10 };
    const message = `${request.method} ${path} ${status}`;
    // A probe saying "not ready" and a shutdown refusing new work answer 503 as they should.
    const fault = status >= 500 && !deliberateRefusals.has(request.raw) && !path.startsWith('/health');
    if (fault) logger.error(line, message);
    else logger.info(line, message);
    done();
  });
}
