import { describe, expect, it } from '@jest/globals';
import { EventEmitter } from 'node:events';
import type { Request, Response } from 'express';
import type { Logger } from '../logger.js';
import { DELIBERATE_REFUSAL, requestLog } from './request-log.js';

/** Runs one request through the middleware and answers it with `status`; returns what was logged. */
function answered(status: number, headers: Record<string, string> = {}, path = '/graphql', locals: Record<string, unknown> = {}) {
  const lines: { level: string; line: Record<string, unknown>; message: string }[] = [];
  const logger = {
    info: (line: Record<string, unknown>, message: string) => lines.push({ level: 'info', line, message }),
    error: (line: Record<string, unknown>, message: string) => lines.push({ level: 'error', line, message }),
  } as unknown as Logger;
  const response = Object.assign(new EventEmitter(), {
    statusCode: status,
    locals,
    headers: {} as Record<string, string>,
    setHeader(name: string, value: string) {
      this.headers[name] = value;
    },
  });
  const request = { method: 'POST', path, headers } as unknown as Request;
  let nexted = false;
  requestLog(logger)(request, response as unknown as Response, () => {
    nexted = true;
  });
  response.emit('finish');
  return { lines, nexted, response };
}

describe('requestLog', () => {
  it('logs a success at info with the correlation id the caller sent, and answers with it', () => {
    const { lines, nexted, response } = answered(200, { 'x-correlation-id': 'abc-123' });
    expect(nexted).toBe(true);
    expect(response.headers['x-correlation-id']).toBe('abc-123');
    expect(lines).toEqual([
      { level: 'info', message: 'POST /graphql 200', line: expect.objectContaining({ correlationId: 'abc-123', status: 200, method: 'POST', path: '/graphql' }) },
    ]);
  });

  it("logs a client's error at info: it is not the server's fault", () => {
    expect(answered(413).lines.map((line) => line.level)).toEqual(['info']);
  });

  it("logs a server's fault at error", () => {
    expect(answered(503).lines.map((line) => line.level)).toEqual(['error']);
  });

  it("logs a probe's not-ready and a shutdown's refusal at info: both are meant", () => {
    expect(answered(503, {}, '/health/ready').lines.map((line) => line.level)).toEqual(['info']);
    expect(answered(503, {}, '/graphql', { [DELIBERATE_REFUSAL]: true }).lines.map((line) => line.level)).toEqual(['info']);
  });

  it('makes a correlation id when the caller sent none or an unusable one', () => {
    const id = answered(200, { 'x-correlation-id': 'not usable!' }).lines[0]!.line['correlationId'];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
  });
});
