import { Args, Query, Resolver } from '@nestjs/graphql';
import { DateScalar } from '#shared/graphql';
import { dateWindow, type AttributionModel } from '../../domain/index.js';
import { Scoreboard } from './scoreboard.model.js';
import { ScoreboardReader, type ScoreboardView } from './scoreboard.reader.js';
import { AttributionModelEnum } from '../team-credit.model.js';

@Resolver(() => Scoreboard)
export class ScoreboardResolver {
  constructor(private readonly reader: ScoreboardReader) {}

  @Query(() => Scoreboard)
  scoreboard(
    @Args('from', { type: () => DateScalar }) from: string,
    @Args('to', { type: () => DateScalar }) to: string,
    @Args('model', { type: () => AttributionModelEnum, nullable: true, defaultValue: AttributionModelEnum.SHARED })
    model: AttributionModel | null,
  ): ScoreboardView {
    return this.reader.scoreboard(dateWindow(from, to), model ?? AttributionModelEnum.SHARED);
  }
}
