import { afterEach, describe, expect, it } from '@jest/globals';
import { fastify, type FastifyInstance } from 'fastify';
import type { Logger } from '../logger.js';
import { correlationIdOf, logRequests, markDeliberateRefusal } from './request-log.js';

interface Line {
  readonly level: string;
  readonly line: Record<string, unknown>;
  readonly message: string;
}

const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

/** Runs one request through a Fastify instance with the request log, answered with `status`; returns what was logged. */
async function answered(status: number, { headers = {}, url = '/graphql', deliberate = false }: { headers?: Record<string, string>; url?: string; deliberate?: boolean } = {}) {
  const lines: Line[] = [];
  const logger = {
    info: (line: Record<string, unknown>, message: string) => lines.push({ level: 'info', line, message }),
    error: (line: Record<string, unknown>, message: string) => lines.push({ level: 'error', line, message }),
  } as unknown as Logger;
  const app = fastify();
  apps.push(app);
  logRequests(app, logger);
  let seen: string | undefined;
  app.all('/*', (request, reply) => {
    seen = correlationIdOf(request);
    if (deliberate) markDeliberateRefusal(request);
    return reply.code(status).send({ ok: status < 400 });
  });
  // Over a socket, as clients send it (Fastify's inject needs a module jest cannot load here).
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const response = await fetch(`${base}${url}`, { method: 'POST', headers });
  await response.arrayBuffer();
  return { lines, response: { headers: Object.fromEntries(response.headers) }, seen };
}

describe('logRequests', () => {
  it('logs a success at info with the correlation id the caller sent, and answers with it', async () => {
    const { lines, response, seen } = await answered(200, { headers: { 'x-correlation-id': 'abc-123' }, url: '/graphql?x=1' });
    expect(response.headers['x-correlation-id']).toBe('abc-123');
    expect(seen).toBe('abc-123');
    expect(lines).toEqual([
      { level: 'info', message: 'POST /graphql 200', line: expect.objectContaining({ correlationId: 'abc-123', status: 200, method: 'POST', path: '/graphql' }) },
    ]);
  });

  it("logs a client's error at info: it is not the server's fault", async () => {
    expect((await answered(413)).lines.map((line) => line.level)).toEqual(['info']);
  });

  it("logs a server's fault at error", async () => {
    expect((await answered(503)).lines.map((line) => line.level)).toEqual(['error']);
  });

  it("logs a probe's not-ready and a shutdown's refusal at info: both are meant", async () => {
    expect((await answered(503, { url: '/health/ready' })).lines.map((line) => line.level)).toEqual(['info']);
    expect((await answered(503, { deliberate: true })).lines.map((line) => line.level)).toEqual(['info']);
  });

  it('makes a correlation id when the caller sent none or an unusable one, and keeps it for the whole request', async () => {
    const { lines, response, seen } = await answered(200, { headers: { 'x-correlation-id': 'not usable!' } });
    const id = lines[0]!.line['correlationId'];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen).toBe(id);
    expect(response.headers['x-correlation-id']).toBe(id);
  });
});
