import { Args, Query, Resolver } from '@nestjs/graphql';
import { AttributionModelEnum, DateScalar } from '#shared/graphql';
import { dateWindow } from '../../domain/index.js';
import { Scoreboard } from './scoreboard.model.js';
import { ScoreboardReader, type ScoreboardView } from './scoreboard.reader.js';

@Resolver(() => Scoreboard)
export class ScoreboardResolver {
  constructor(private readonly reader: ScoreboardReader) {}

  @Query(() => Scoreboard)
  scoreboard(
    @Args('from', { type: () => DateScalar }) from: string,
    @Args('to', { type: () => DateScalar }) to: string,
    @Args('model', { type: () => AttributionModelEnum, nullable: true, defaultValue: AttributionModelEnum.SHARED })
    model: AttributionModelEnum | null,
  ): ScoreboardView {
    return this.reader.scoreboard(dateWindow(from, to), model ?? AttributionModelEnum.SHARED);
  }
}
