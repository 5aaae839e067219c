import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { dateWindow, type AttributionModel } from '../../domain/index.js';
import { InsightsReader, type ScoreboardView } from '../goal-progress/insights.reader.js';

export class ScoreboardQuery extends Query<ScoreboardView> {
  constructor(
    readonly from: string,
    readonly to: string,
    readonly model: AttributionModel,
  ) {
    super();
  }
}

@QueryHandler(ScoreboardQuery)
export class ScoreboardHandler implements IQueryHandler<ScoreboardQuery> {
  constructor(private readonly insights: InsightsReader) {}

  async execute(query: ScoreboardQuery): Promise<ScoreboardView> {
    return this.insights.scoreboard(dateWindow(query.from, query.to), query.model);
  }
}
