import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { EVENT_STORE, type EventStore, type Position } from '#event-store';
import { ProjectionRunner } from '#projections';
import type { AppConfig } from '../config.js';
import { APP_CONFIG } from '../core/tokens.js';
import { headWithin, projectionLags } from '../observability/projection-lag.js';

/** How long the store has to say where its head is before the instance counts as not ready. */
const STORE_TIMEOUT_MS = 2_000;

/**
 * What /health/ready asks: does the event store answer, and is every read model either live or
 * within READY_MAX_LAG of the head, none of them failed. Queries answer from the read models, so
 * an instance still catching up after a start or a rebuild would answer from the past.
 */
@Injectable()
export class ReadinessIndicators {
  constructor(
    @Inject(HealthIndicatorService) private readonly indicators: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ProjectionRunner) private readonly projections: ProjectionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Both checks on one read of the head. */
  async check(): Promise<HealthIndicatorResult[]> {
    const store = this.indicators.check('eventStore');
    let head: Position | null;
    try {
      head = await headWithin(this.store, STORE_TIMEOUT_MS);
    } catch (error) {
      return [store.down({ kind: this.config.eventStore, message: error instanceof Error ? error.message : String(error) })];
    }
    return [store.up({ kind: this.config.eventStore, head }), this.projectionsReady(head)];
  }

  private projectionsReady(head: Position | null): HealthIndicatorResult {
    const bound = this.config.readyMaxLag;
    const states = projectionLags(this.projections, head).map(({ name, status, position, lag, error }) => ({
      name,
      status,
      position,
      lag,
      ready: status === 'live' || (status === 'catching-up' && lag !== null && lag <= bound),
      ...(error === undefined ? {} : { error }),
    }));
    const indicator = this.indicators.check('projections');
    return states.every((state) => state.ready) ? indicator.up({ maxLag: bound, projections: states }) : indicator.down({ maxLag: bound, projections: states });
  }
}
