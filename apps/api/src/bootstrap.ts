import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ensureDevCredentials, TokenVerifier, type DevCredentials } from '#identity';
import { ProjectionRunner } from '#projections';
import type { Clock } from '#shared/application';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config.js';
import { lockDataDir } from './core/data-dir-lock.js';
import { openEventStore, openReadModelDatabase } from './core/infrastructure.js';
import { createErrorFormatter } from './graphql/error-mapping.js';
import { CostGate } from './graphql/limits.js';
import { startSubscriptionServer } from './graphql/subscriptions.js';
import { NestPinoLogger, type Logger } from './logger.js';
import { PROJECTIONS } from './projections.js';
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

/** Max request body (PRODUCT §6). */
const BODY_LIMIT = '1mb';

/**
 * Builds the whole service: auth, the event store, the read models and their projections, then
 * the Nest application on top. The caller listens (main) or drives it in tests.
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
    const eventStore = await openEventStore(config);
    resources.push(() => eventStore.close());
    const readModels = openReadModelDatabase(config);
    resources.push(() => {
      readModels.close();
    });
    const projections = new ProjectionRunner({ store: eventStore, database: readModels, logger, projections: PROJECTIONS });
    const costGate = new CostGate({ costPerMinute: config.rateLimitCostPerMinute });
    resources.push(() => projections.stop());
    const app = await NestFactory.create<NestExpressApplication>(
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
      }),
      // Cross-origin browsers are refused unless their origin is configured (PRODUCT §6, §8).
      { logger: new NestPinoLogger(logger), bodyParser: false, cors: config.corsOrigins.length === 0 ? false : { origin: [...config.corsOrigins] } },
    );
    resources.push(() => app.close());
    app.useBodyParser('json', { limit: BODY_LIMIT });
    // Before Nest's routes, which init adds: the page takes only GETs of its own paths.
    if (options.webDir !== undefined) {
      if (!pageIsBuilt(options.webDir)) logger.warn({ webDir: options.webDir }, `No page is built in ${options.webDir}: run npm run build`);
      app.use(servePage(options.webDir));
    }
    await app.init();
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
