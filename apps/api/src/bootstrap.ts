import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ensureDevCredentials, TokenVerifier, type DevCredentials } from '#identity';
import { ProjectionRunner } from '#projections';
import type { Clock } from '#shared/application';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config.js';
import { openEventStore, openReadModelDatabase } from './core/infrastructure.js';
import { NestPinoLogger, type Logger } from './logger.js';
import { PROJECTIONS } from './projections.js';

export interface TandemApp {
  readonly app: INestApplication;
  readonly devCredentials: DevCredentials | undefined;
  close(): Promise<void>;
}

export interface CreateAppOptions {
  readonly clock?: Clock;
}

/** Max request body (PRODUCT §6). */
const BODY_LIMIT = '1mb';

/**
 * Builds the whole service: auth, the event store, the read models and their projections, then
 * the Nest application on top. The caller listens (main) or drives it in tests.
 */
export async function createApp(config: AppConfig, logger: Logger, options: CreateAppOptions = {}): Promise<TandemApp> {
  const { verifier, devCredentials } = await authentication(config);
  const eventStore = await openEventStore(config);
  const readModels = openReadModelDatabase(config);
  const projections = new ProjectionRunner({ store: eventStore, database: readModels, logger, projections: PROJECTIONS });

  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot({ config, logger, verifier, eventStore, readModels, projections, ...(options.clock ? { clock: options.clock } : {}) }),
    { logger: new NestPinoLogger(logger), bodyParser: false },
  );
  app.useBodyParser('json', { limit: BODY_LIMIT });
  await app.init();
  await projections.start();

  let closed = false;
  return {
    app,
    devCredentials,
    async close() {
      if (closed) return;
      closed = true;
      await app.close();
      await projections.stop();
      await eventStore.close();
      readModels.close();
    },
  };
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
