import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '#event-store';
import { APP_LOGGER, CLOCK, handleCommand, SERVICE_ACTOR, type AppLogger, type Clock } from '#shared/application';
import { reasonCatalogAggregate, REASONS_STREAM } from '../domain/index.js';

/**
 * Defines the default reason catalog at start (PRODUCT §3). Idempotent, and safe when several
 * instances start at once: the decider adds only what is missing, and a lost race is decided again.
 */
@Injectable()
export class CatalogSeeder implements OnApplicationBootstrap {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Not through the CommandRunner: the projections start after the application has booted, so
    // there is no read model to wait for yet.
    const context = { actor: SERVICE_ACTOR, now: this.clock.now(), correlationId: 'default-reason-catalog' };
    const result = await handleCommand(this.store, reasonCatalogAggregate, REASONS_STREAM, { type: 'DefineDefaultCatalog' }, context);
    if (result.appended.length > 0) {
      this.logger.info({ reasons: result.appended.length }, 'Defined the default reason catalog');
    }
  }
}
