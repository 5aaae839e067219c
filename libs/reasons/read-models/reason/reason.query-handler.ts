import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ReasonKind } from '../../domain/index.js';
import { ReasonsReader, type ReasonRow } from './reasons.reader.js';

export class GetReasonQuery extends Query<ReasonRow | null> {
  constructor(readonly code: string) {
    super();
  }
}

export class ListReasonsQuery extends Query<ReasonRow[]> {
  constructor(
    readonly kind: ReasonKind | null,
    readonly includeRetired: boolean,
  ) {
    super();
  }
}

@QueryHandler(GetReasonQuery)
export class GetReasonHandler implements IQueryHandler<GetReasonQuery> {
  constructor(private readonly reasons: ReasonsReader) {}

  async execute(query: GetReasonQuery): Promise<ReasonRow | null> {
    return this.reasons.byCode(query.code);
  }
}

@QueryHandler(ListReasonsQuery)
export class ListReasonsHandler implements IQueryHandler<ListReasonsQuery> {
  constructor(private readonly reasons: ReasonsReader) {}

  async execute(query: ListReasonsQuery): Promise<ReasonRow[]> {
    return this.reasons.list(query);
  }
}
