import autocannon from 'autocannon';
import { loadAverage, type LoadFigure } from '../report/figures.js';

export interface DriveOptions {
  /** The GraphQL endpoint. */
  readonly url: string;
  readonly token?: string;
  /** The request body: one for every request, or one per request for writes that must differ. */
  readonly body: string | ((sequence: number) => string);
  readonly connections: number;
  readonly seconds: number;
  /** Seconds driven first and not counted, so the figure is of a warm process. */
  readonly warmUpSeconds?: number;
}

/**
 * Drives a GraphQL endpoint with autocannon for a fixed time. Every response is checked: a
 * status other than 200, or a body with `errors`, counts as an error, so a figure made of
 * refusals cannot pass for a fast one.
 */
export async function drive(options: DriveOptions): Promise<LoadFigure> {
  if (options.warmUpSeconds !== undefined && options.warmUpSeconds > 0) {
    await run({ ...options, seconds: options.warmUpSeconds });
  }
  return run(options);
}

async function run(options: DriveOptions): Promise<LoadFigure> {
  const load = loadAverage();
  let responses = 0;
  let errors = 0;
  let firstError: string | undefined;
  let sequence = 0;
  const onResponse = (status: number, body: string) => {
    responses++;
    if (status === 200 && !body.includes('"errors"')) return;
    errors++;
    firstError ??= `HTTP ${status}: ${body.slice(0, 300)}`;
  };
  const body = options.body;
  const request: autocannon.Request = {
    method: 'POST',
    path: new URL(options.url).pathname,
    onResponse,
    ...(typeof body === 'string' ? { body } : { setupRequest: (req: autocannon.Request) => ({ ...req, body: body(sequence++) }) }),
  };
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    headers: {
      'content-type': 'application/json',
      ...(options.token === undefined ? {} : { authorization: `Bearer ${options.token}` }),
    },
    requests: [request],
  });
  errors += result.errors;
  if (result.errors > 0) firstError ??= `${result.errors} connection errors (${result.timeouts} timeouts)`;
  return {
    connections: options.connections,
    requests: responses,
    seconds: result.duration,
    perSecond: responses / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    errors,
    ...(firstError === undefined ? {} : { firstError }),
    loadAverage: load,
  };
}
