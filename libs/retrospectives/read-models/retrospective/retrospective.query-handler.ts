import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DealsReader, type DealRow } from '#deals';
import { pageSize } from '#shared/graphql';
import type { RetrospectiveStatus } from '../../domain/index.js';
import { RetrospectivesReader, type RetrospectivePage, type RetrospectiveRow } from './retrospectives.reader.js';

export class GetRetrospectiveQuery extends Query<RetrospectiveRow | null> {
  constructor(readonly id: string) {
    super();
  }
}

export class ListRetrospectivesQuery extends Query<RetrospectivePage> {
  constructor(
    readonly status: RetrospectiveStatus | null,
    readonly first: number | null,
    readonly after: string | null,
  ) {
    super();
  }
}

export class PendingRetrospectivesQuery extends Query<DealRow[]> {
  constructor(readonly first: number | null) {
    super();
  }
}

@QueryHandler(GetRetrospectiveQuery)
export class GetRetrospectiveHandler implements IQueryHandler<GetRetrospectiveQuery> {
  constructor(private readonly retrospectives: RetrospectivesReader) {}

  async execute(query: GetRetrospectiveQuery): Promise<RetrospectiveRow | null> {
    return this.retrospectives.byId(query.id);
  }
}

@QueryHandler(ListRetrospectivesQuery)
export class ListRetrospectivesHandler implements IQueryHandler<ListRetrospectivesQuery> {
  constructor(private readonly retrospectives: RetrospectivesReader) {}

  async execute({ status, first, after }: ListRetrospectivesQuery): Promise<RetrospectivePage> {
    return this.retrospectives.page(status, pageSize(first), after);
  }
}

@QueryHandler(PendingRetrospectivesQuery)
export class PendingRetrospectivesHandler implements IQueryHandler<PendingRetrospectivesQuery> {
  constructor(
    private readonly retrospectives: RetrospectivesReader,
    private readonly deals: DealsReader,
  ) {}

  async execute({ first }: PendingRetrospectivesQuery): Promise<DealRow[]> {
    const ids = this.retrospectives.pendingDealIds(pageSize(first));
    const deals = this.deals.byIds(ids);
    return ids.flatMap((id) => deals.get(id) ?? []);
  }
}
