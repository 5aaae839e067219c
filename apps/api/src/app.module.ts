import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { TerminusModule } from '@nestjs/terminus';
import { EVENT_STORE, type EventStore } from '#event-store';
import type { SqliteDatabase } from '#sqlite';
import { AnswerCache, ProjectionRunner } from '#projections';
import {
  APP_LOGGER,
  CLOCK,
  COMMAND_OBSERVER,
  CommandRunner,
  CURRENCY,
  READ_MODEL_DATABASE,
  READ_YOUR_WRITES,
  systemClock,
  type Clock,
} from '#shared/application';
import { currency } from '#shared';
import type { DevCredentials, TokenVerifier } from '#identity';
import { DealsModule } from '#deals';
import { GoalsModule } from '#goals';
import { InsightsModule } from '#insights';
import { LeadsModule } from '#leads';
import { ReasonsModule } from '#reasons';
import { RetrospectivesModule } from '#retrospectives';
import type { AppConfig } from './config.js';
import { readYourWritesOver } from './core/read-your-writes.js';
import { APP_CONFIG, DEV_CREDENTIALS } from './core/tokens.js';
import { DevTokensController } from './dev-tokens/dev-tokens.controller.js';
import { AuthGuard } from './graphql/auth.guard.js';
import { GraphQLErrorsFilter } from './graphql/errors.filter.js';
import { graphQLOptions } from './graphql/graphql-options.js';
import type { CostGate } from './graphql/limits.js';
import { HealthController } from './health/health.controller.js';
import { HealthResolver } from './health/health.resolver.js';
import { HealthService } from './health/health.service.js';
import { ReadinessIndicators } from './health/readiness.indicators.js';
import { MetricsController } from './observability/metrics.controller.js';
import { metricsPlugin } from './observability/metrics.plugin.js';
import { Metrics } from './observability/metrics.js';
import type { Logger } from './logger.js';

/** What the app is built from: made and owned by the bootstrap, handed to Nest as values. */
export interface AppInfrastructure {
  readonly config: AppConfig;
  readonly logger: Logger;
  readonly verifier: TokenVerifier;
  /** Made by the service itself when it has no auth configuration; served to the page's sign-in. */
  readonly devCredentials?: DevCredentials;
  readonly eventStore: EventStore;
  readonly readModels: SqliteDatabase;
  readonly projections: ProjectionRunner;
  readonly clock?: Clock;
  readonly readYourWritesTimeoutMs?: number;
  /** Prices every operation and keeps each caller to a budget, over HTTP and WebSocket alike. */
  readonly costGate: CostGate;
  readonly metrics: Metrics;
}

@Module({})
export class AppModule {
  static forRoot(infrastructure: AppInfrastructure): DynamicModule {
    const { config, logger, metrics } = infrastructure;
    return {
      module: AppModule,
      global: true,
      imports: [
        CqrsModule.forRoot(),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          ...graphQLOptions({
            verifier: infrastructure.verifier,
            logger,
            production: config.production,
            costGate: infrastructure.costGate,
            stateVersion: () => infrastructure.projections.stateVersion(),
            plugins: [metricsPlugin(metrics)],
          }),
        }),
        // Probes are polled every few seconds: a failing one is in its answer, not in the log.
        TerminusModule.forRoot({ logger: false }),
        ReasonsModule,
        DealsModule,
        GoalsModule,
        RetrospectivesModule,
        InsightsModule,
        LeadsModule,
      ],
      controllers: [HealthController, MetricsController, DevTokensController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: DEV_CREDENTIALS, useValue: infrastructure.devCredentials ?? null },
        { provide: APP_LOGGER, useValue: logger },
        { provide: EVENT_STORE, useValue: infrastructure.eventStore },
        { provide: READ_MODEL_DATABASE, useValue: infrastructure.readModels },
        { provide: ProjectionRunner, useValue: infrastructure.projections },
        { provide: AnswerCache, useValue: new AnswerCache((name) => infrastructure.projections.positionOf(name)) },
        { provide: CURRENCY, useValue: currency(config.currency) },
        { provide: CLOCK, useValue: infrastructure.clock ?? systemClock },
        { provide: READ_YOUR_WRITES, useValue: readYourWritesOver(infrastructure.projections, infrastructure.readYourWritesTimeoutMs) },
        CommandRunner,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: GraphQLErrorsFilter },
        { provide: Metrics, useValue: metrics },
        { provide: COMMAND_OBSERVER, useValue: metrics },
        HealthService,
        ReadinessIndicators,
        HealthResolver,
      ],
      exports: [APP_CONFIG, APP_LOGGER, EVENT_STORE, READ_MODEL_DATABASE, ProjectionRunner, AnswerCache, CURRENCY, CLOCK, CommandRunner],
    };
  }
}
