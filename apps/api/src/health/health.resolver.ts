import { Inject } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';
import { CurrentRequest, markVolatile, type RequestContext } from '#shared/graphql';
import { HealthService } from './health.service.js';
import { Health } from './health.model.js';

@Resolver(() => Health)
export class HealthResolver {
  constructor(@Inject(HealthService) private readonly health: HealthService) {}

  @Query(() => Health, { name: 'health', description: 'Whether this instance can serve: its store and its read models.' })
  report(@CurrentRequest() request: RequestContext): Health {
    // The store's head and the process's state move without the read models moving.
    markVolatile(request);
    return this.health.report();
  }
}
