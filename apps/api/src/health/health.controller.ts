import { Controller, Get, HttpCode, HttpException, HttpStatus, Inject } from '@nestjs/common';
import { HealthCheck, HealthCheckService, type HealthCheckResult } from '@nestjs/terminus';
import { HealthService } from './health.service.js';
import type { Health } from './health.model.js';
import { ReadinessIndicators } from './readiness.indicators.js';

/** Unauthenticated probes for load balancers, orchestrators and container health checks. */
@Controller('health')
export class HealthController {
  constructor(
    @Inject(HealthService) private readonly health: HealthService,
    @Inject(HealthCheckService) private readonly checks: HealthCheckService,
    @Inject(ReadinessIndicators) private readonly readiness: ReadinessIndicators,
  ) {}

  /** Every read model running (the report the GraphQL health query gives too). */
  @Get()
  @HttpCode(HttpStatus.OK)
  check(): Health {
    const report = this.health.report();
    if (report.status !== 'ok') throw new HttpException(report, HttpStatus.SERVICE_UNAVAILABLE);
    return report;
  }

  /** The process answers: restart it when it does not. */
  @Get('live')
  @HealthCheck()
  live(): Promise<HealthCheckResult> {
    return this.checks.check([]);
  }

  /** Send it traffic: the store answers and the read models are at (or near) the head, none failed. */
  @Get('ready')
  @HealthCheck()
  async ready(): Promise<HealthCheckResult> {
    const results = await this.readiness.check();
    return this.checks.check(results.map((result) => () => result));
  }
}
