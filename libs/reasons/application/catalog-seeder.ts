import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '#event-store';
import { APP_LOGGER, CLOCK, executeCommand, type AppLogger, type Clock } from '#shared/application';
import type { Actor } from '#shared';
import { reasonDecider, REASONS_STREAM } from '../domain/index.js';

/** The service itself, as the actor of what it records on its own. */
export const SERVICE_ACTOR: Actor = { id: 'tandem', name: 'Tandem', team: 'REVOPS', lead: false };

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
    // No read-your-writes wait here: the projections start after the application has booted.
    const result = await executeCommand(this.store, reasonDecider, {
      stream: REASONS_STREAM,
      command: { type: 'DefineDefaultCatalog' },
      context: { actor: SERVICE_ACTOR, now: this.clock.now(), correlationId: 'default-reason-catalog' },
      describe: 'The reason catalog',
    });
    if (result.appended.length > 0) {
      this.logger.info({ reasons: result.appended.length }, 'Defined the default reason catalog');
    }
  }
}
