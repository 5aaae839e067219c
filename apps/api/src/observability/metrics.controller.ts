import { Controller, Get, Header, Inject } from '@nestjs/common';
import { Metrics } from './metrics.js';

/** Prometheus' scrape target; unauthenticated, as probes are: it holds counts, never data. */
@Controller('metrics')
export class MetricsController {
  constructor(@Inject(Metrics) private readonly metrics: Metrics) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  scrape(): Promise<string> {
    return this.metrics.scrape();
  }
}
