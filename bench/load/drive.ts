import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { loadAverage, type LoadFigure } from '../report/figures.js';
import { graphqlBody, HEALTH_QUERY } from './subjects.js';

export interface DriveOptions {
  /** The GraphQL endpoint. */
  readonly url: string;
  readonly token?: string;
  /** A token for `health`, to wait until the service is idle before this figure; no wait when absent. */
  readonly settleToken?: string;
  /** The request body: one for every request, or one per request for writes that must differ. */
  readonly body: string | ((sequence: number) => string);
  readonly connections: number;
  readonly seconds: number;
  /** Seconds driven first and not counted, so the figure is of a warm process. */
  readonly warmUpSeconds?: number;
}

/**
 * One request alone, before any load: how long the query takes by itself, even when it takes
 * longer than autocannon waits (10 s), and whether it answers without errors.
 */
export async function probe(url: string, token: string | undefined, body: string, timeoutMs = 120_000): Promise<{ ms: number; error?: string }> {
  const started = performance.now();
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    const ms = performance.now() - started;
    return response.status === 200 && !text.includes('"errors"') ? { ms } : { ms, error: `HTTP ${response.status}: ${text.slice(0, 300)}` };
  } catch (error) {
    return { ms: performance.now() - started, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Waits until the service answers `health` quickly again, and returns the seconds it took. A
 * server goes on computing the answers to requests its client gave up on (autocannon stops at
 * the end of a figure, and after 10 s per request): without this wait, a slow figure would slow
 * down the next one.
 */
export async function settle(url: string, token: string, timeoutMs = 15 * 60 * 1000): Promise<number> {
  const started = performance.now();
  let quick = 0;
  while (quick < 3 && performance.now() - started < timeoutMs) {
    const { ms, error } = await probe(url, token, graphqlBody(HEALTH_QUERY), timeoutMs);
    quick = error === undefined && ms < 50 ? quick + 1 : 0;
  }
  return (performance.now() - started) / 1000;
}

/**
 * Drives a GraphQL endpoint with autocannon for a fixed time. Every response is checked: a
 * status other than 200, or a body with `errors`, counts as an error, so a figure made of
 * refusals cannot pass for a fast one.
 */
export async function drive(options: DriveOptions): Promise<LoadFigure> {
  const waited = options.settleToken === undefined ? 0 : await settle(options.url, options.settleToken);
  const alone = typeof options.body === 'string' ? await probe(options.url, options.token, options.body) : undefined;
  // A request that takes a second alone has warmed its path; a warm-up would only leave the
  // measured run behind the warm-up's abandoned requests.
  const slow = alone !== undefined && alone.ms > 1000;
  if (options.warmUpSeconds !== undefined && options.warmUpSeconds > 0 && !slow) {
    await run({ ...options, seconds: options.warmUpSeconds });
    if (options.settleToken !== undefined) await settle(options.url, options.settleToken);
  }
  const figure = { ...(await run(options)), waitedForIdleSeconds: waited };
  if (alone === undefined) return figure;
  return { ...figure, aloneMs: alone.ms, ...(alone.error === undefined || figure.firstError !== undefined ? {} : { firstError: `alone: ${alone.error}` }), errors: figure.errors + (alone.error === undefined ? 0 : 1) };
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
  // With no answer there is no latency to speak of (autocannon would say 0).
  const latency = (value: number) => (responses === 0 ? Number.NaN : value);
  return {
    connections: options.connections,
    requests: responses,
    seconds: result.duration,
    perSecond: responses / result.duration,
    p50Ms: latency(result.latency.p50),
    p99Ms: latency(result.latency.p99),
    maxMs: latency(result.latency.max),
    errors,
    ...(firstError === undefined ? {} : { firstError }),
    loadAverage: load,
  };
}
