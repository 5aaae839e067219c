import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { invalidInput } from '#shared';
import { dateWindow, type ReasonKind } from '../../domain/index.js';
import { InsightsReader, type ReasonReportView } from '../goal-progress/insights.reader.js';

export class ReasonInsightsQuery extends Query<ReasonReportView> {
  constructor(
    readonly kind: ReasonKind,
    readonly from: string,
    readonly to: string,
    readonly segment: string | null,
    readonly minOccurrences: number,
  ) {
    super();
  }
}

@QueryHandler(ReasonInsightsQuery)
export class ReasonInsightsHandler implements IQueryHandler<ReasonInsightsQuery> {
  constructor(private readonly insights: InsightsReader) {}

  async execute(query: ReasonInsightsQuery): Promise<ReasonReportView> {
    const window = dateWindow(query.from, query.to);
    if (!Number.isInteger(query.minOccurrences) || query.minOccurrences < 1) {
      throw invalidInput('minOccurrences', `minOccurrences must be at least 1, got ${query.minOccurrences}`);
    }
    return this.insights.reasonReport({ kind: query.kind, window, segment: query.segment, minOccurrences: query.minOccurrences });
  }
}
