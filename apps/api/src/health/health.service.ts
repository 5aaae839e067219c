import { Inject, Injectable } from '@nestjs/common';
import { ProjectionRunner } from '#projections';
import { APP_CONFIG } from '../core/tokens.js';
import type { AppConfig } from '../config.js';
import type { Health } from './health.model.js';

@Injectable()
export class HealthService {
  constructor(
    @Inject(ProjectionRunner) private readonly projections: ProjectionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  report(): Health {
    const projections = this.projections.status().map((projection) => ({
      name: projection.name,
      status: projection.status,
      position: projection.position ?? null,
      error: projection.error ?? null,
    }));
    return {
      // A read model that failed, or waits for an unavailable event store, serves stale answers.
      status: this.projections.isHealthy() ? 'ok' : 'degraded',
      eventStore: this.config.eventStore,
      projections,
    };
  }
}
