import { Args, Query, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { AttributionModelEnum, DateScalar } from '#shared/graphql';
import type { ScoreboardView } from '../goal-progress/insights.reader.js';
import { Scoreboard } from './insight.model.js';
import { ScoreboardQuery } from './scoreboard.query-handler.js';

@Resolver(() => Scoreboard)
export class ScoreboardResolver {
  constructor(private readonly queries: QueryBus) {}

  @Query(() => Scoreboard)
  scoreboard(
    @Args('from', { type: () => DateScalar }) from: string,
    @Args('to', { type: () => DateScalar }) to: string,
    @Args('model', { type: () => AttributionModelEnum, nullable: true, defaultValue: AttributionModelEnum.SHARED })
    model: AttributionModelEnum | null,
  ): Promise<ScoreboardView> {
    return this.queries.execute(new ScoreboardQuery(from, to, model ?? AttributionModelEnum.SHARED));
  }
}
