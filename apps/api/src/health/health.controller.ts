import { Controller, Get, HttpCode, HttpException, HttpStatus, Inject } from '@nestjs/common';
import { HealthService } from './health.service.js';
import type { Health } from './health.model.js';

/** Unauthenticated readiness for load balancers and container health checks. */
@Controller('health')
export class HealthController {
  constructor(@Inject(HealthService) private readonly health: HealthService) {}

  @Get()
  @HttpCode(HttpStatus.OK)
  check(): Health {
    const report = this.health.report();
    if (report.status !== 'ok') throw new HttpException(report, HttpStatus.SERVICE_UNAVAILABLE);
    return report;
  }
}
