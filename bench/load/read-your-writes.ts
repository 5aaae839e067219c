import { performance } from 'node:perf_hooks';
import { loadAverage, percentile, type LatencyFigure } from '../report/figures.js';
import { DEAL_TOUCHES, graphqlBody, RECORD_TOUCH } from './subjects.js';

export interface ReadYourWritesOptions {
  readonly url: string;
  /** A MARKETING token: the touches are marketing's. */
  readonly token: string;
  /** Open deals to touch; each client takes its own share, so clients do not race for a stream. */
  readonly dealIds: readonly string[];
  readonly clients: number;
  readonly seconds: number;
  /** Distinguishes this run's touch ids from every other run's. */
  readonly tag: string;
}

/**
 * Read-your-writes as a client lives it: record a touch, then ask for the deal and require the
 * touch in the answer; timed from sending the mutation to receiving the query's answer. A
 * mutation answers only once the read models include it, so the query must always see it: one
 * that does not is counted as an error.
 */
export async function measureReadYourWrites(options: ReadYourWritesOptions): Promise<LatencyFigure> {
  if (options.dealIds.length < options.clients) throw new Error('Fewer open deals than clients');
  const load = loadAverage();
  const samples: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const fail = (message: string) => {
    errors++;
    firstError ??= message;
  };
  const post = async (body: string) => {
    const response = await fetch(options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
      body,
    });
    return { status: response.status, text: await response.text() };
  };
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  const share = Math.floor(options.dealIds.length / options.clients);
  await Promise.all(
    Array.from({ length: options.clients }, async (_, client) => {
      const deals = options.dealIds.slice(client * share, (client + 1) * share);
      for (let n = 0; performance.now() < deadline; n++) {
        const dealId = deals[n % deals.length]!;
        const touchId = `ryw-${options.tag}-${client}-${n}`;
        const input = { dealId, touchId, team: 'MARKETING', channel: 'webinar', occurredAt: new Date(Date.now() - 60_000).toISOString() };
        const begin = performance.now();
        const written = await post(graphqlBody(RECORD_TOUCH, { input }));
        if (written.status !== 200 || written.text.includes('"errors"')) {
          fail(`recordTouch: HTTP ${written.status}: ${written.text.slice(0, 300)}`);
          continue;
        }
        const read = await post(graphqlBody(DEAL_TOUCHES, { id: dealId }));
        const elapsed = performance.now() - begin;
        if (read.status !== 200 || read.text.includes('"errors"')) fail(`deal: HTTP ${read.status}: ${read.text.slice(0, 300)}`);
        else if (!read.text.includes(`"${touchId}"`)) fail(`deal ${dealId} did not show touch ${touchId} right after recordTouch answered`);
        else samples.push(elapsed);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  samples.sort((a, b) => a - b);
  return {
    clients: options.clients,
    samples: samples.length,
    seconds,
    perSecond: samples.length / seconds,
    p50Ms: percentile(samples, 0.5),
    p99Ms: percentile(samples, 0.99),
    maxMs: samples[samples.length - 1] ?? Number.NaN,
    errors,
    ...(firstError === undefined ? {} : { firstError }),
    loadAverage: load,
  };
}
