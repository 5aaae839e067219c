import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { ensureDevCredentials, TokenVerifier, type DevCredentials } from '#identity';
import { ProjectionRunner } from '#projections';
import type { Clock } from '#shared/application';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config.js';
import { lockDataDir } from './core/data-dir-lock.js';
import { HttpDrain } from './core/drain.js';
import { refuseWhatGraphQLDoesNotTake } from './core/http-refusals.js';
import { openEventStore, openReadModelDatabase } from './core/infrastructure.js';
import { createErrorFormatter } from './graphql/error-mapping.js';
import { CostGate } from './graphql/limits.js';
import { startSubscriptionServer } from './graphql/subscriptions.js';
import { NestPinoLogger, type Logger } from './logger.js';
import { Metrics } from './observability/metrics.js';
import { logRequests } from './observability/request-log.js';
import { timedAppends } from './observability/timed-event-store.js';
import { PROJECTIONS } from './projections.js';
import { ideIsBuilt, serveIde } from './web/ide.js';
import { pageIsBuilt, servePage } from './web/page.js';

export interface TandemApp {
  readonly app: INestApplication;
  readonly devCredentials: DevCredentials | undefined;
  close(): Promise<void>;
}

export interface CreateAppOptions {
  readonly clock?: Clock;
  /** How long a mutation waits for the read models before PROJECTION_LAG (READ_YOUR_WRITES_TIMEOUT_MS by default). */
  readonly readYourWritesTimeoutMs?: number;
  /** The built page (Vite's output, index.html at its root), served at `/`; no page without it. */
  readonly webDir?: string;
}

/** How long a shutdown waits for the requests in flight (a command waits up to 10 s for its read models). */
const DRAIN_TIMEOUT_MS = 20_000;

/** Max request body (PRODUCT §6): 1 MB. */
const BODY_LIMIT = 1024 * 1024;

/**
 * Builds the whole service: auth, the event store, the read models and their projections, then
 * the Nest application on top. The caller listens (main) or drives it in tests.
 *
 * `close` undoes it in reverse, which is the graceful shutdown: subscriptions end (1001, going
 * away), the HTTP server takes no new connection and answers every request in flight (their
 * commands read-your-writes with the projections still running), Nest stops, the projections
 * stop after their current transaction (rows and checkpoint together), then the stores close.
 */
export async function createApp(config: AppConfig, logger: Logger, options: CreateAppOptions = {}): Promise<TandemApp> {
  // Closed in reverse order of opening, on a failed start as on shutdown.
  const resources: (() => Promise<void> | void)[] = [];
  const closeAll = async () => {
    while (resources.length > 0) await resources.pop()!();
  };
  try {
    const lock = lockDataDir(config.dataDir);
    resources.push(() => lock.release());
    const { verifier, devCredentials } = await authentication(config);
    const metrics = new Metrics();
    const eventStore = timedAppends(await openEventStore(config), (outcome, seconds) => metrics.append(outcome, seconds));
    resources.push(() => eventStore.close());
    const readModels = openReadModelDatabase(config);
    resources.push(() => {
      readModels.close();
    });
    const projections = new ProjectionRunner({ store: eventStore, database: readModels, logger, projections: PROJECTIONS });
    metrics.watch(eventStore, projections);
    const costGate = new CostGate({ costPerMinute: config.rateLimitCostPerMinute });
    resources.push(() => projections.stop());
    const app = await NestFactory.create<NestFastifyApplication>(
      AppModule.forRoot({
        config,
        logger,
        verifier,
        ...(devCredentials ? { devCredentials } : {}),
        eventStore,
        readModels,
        projections,
        ...(options.clock ? { clock: options.clock } : {}),
        ...(options.readYourWritesTimeoutMs ? { readYourWritesTimeoutMs: options.readYourWritesTimeoutMs } : {}),
        costGate,
        metrics,
      }),
      // Fastify rather than Express: the same GraphQL answers at a third of the cost per request
      // (BENCHMARKS.md). Fastify's own parsers (JSON, and text/plain for Apollo's CSRF check to
      // refuse) read the bodies, refusing any over the limit with 413; no Express-style
      // middleware runs here (the hooks below do that work), so Nest's middie is left out.
      new FastifyAdapter({ bodyLimit: BODY_LIMIT, skipMiddie: true }),
      // Cross-origin browsers are refused unless their origin is configured (PRODUCT §6, §8).
      { logger: new NestPinoLogger(logger), bodyParser: false, cors: config.corsOrigins.length === 0 ? false : { origin: [...config.corsOrigins] } },
    );
    resources.push(() => app.close());
    const http = app.getHttpAdapter().getInstance();
    // First, so that every answer is logged, a refused body included.
    logRequests(http, logger);
    const drain = new HttpDrain();
    http.addHook('onRequest', drain.refuseWhileDraining);
    refuseWhatGraphQLDoesNotTake(http, '/graphql');
    // Before Nest's routes: the page takes only GETs of its own paths.
    if (options.webDir !== undefined) {
      if (!pageIsBuilt(options.webDir)) logger.warn({ webDir: options.webDir }, `No page is built in ${options.webDir}: run npm run build`);
      if (!config.production) {
        if (!ideIsBuilt(options.webDir)) logger.warn({ webDir: options.webDir }, `No GraphiQL is built in ${options.webDir}: run npm run build`);
        serveIde(http, options.webDir);
      }
      servePage(http, options.webDir);
    }
    await app.init();
    // Pushed before the subscriptions, so it runs after they close: upgraded sockets would keep the server open.
    resources.push(() => drain.finish(app.getHttpServer(), DRAIN_TIMEOUT_MS));
    const subscriptions = startSubscriptionServer({
      httpServer: app.getHttpServer(),
      path: '/graphql',
      schema: app.get(GraphQLSchemaHost).schema,
      verifier,
      costGate,
      production: config.production,
      formatError: createErrorFormatter(logger, { production: config.production }),
    });
    resources.push(() => subscriptions.close());
    // The first step of a shutdown: new requests are refused from the moment it begins.
    resources.push(() => drain.begin());
    await projections.start();

    let closing: Promise<void> | undefined;
    return {
      app,
      devCredentials,
      close: () => (closing ??= closeAll()),
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

async function authentication(config: AppConfig): Promise<{ verifier: TokenVerifier; devCredentials: DevCredentials | undefined }> {
  const { jwtSecret, jwksUrl, issuer, audience } = config.auth;
  const claims = { ...(issuer ? { issuer } : {}), ...(audience ? { audience } : {}) };
  if (jwtSecret !== undefined || jwksUrl !== undefined) {
    return {
      verifier: new TokenVerifier({ ...(jwtSecret ? { secret: jwtSecret } : {}), ...(jwksUrl ? { jwksUrl } : {}), ...claims }),
      devCredentials: undefined,
    };
  }
  // loadConfig has refused production without auth configuration already.
  const devCredentials = await ensureDevCredentials(config.dataDir, claims);
  return { verifier: new TokenVerifier({ secret: devCredentials.secret, ...claims }), devCredentials };
}
