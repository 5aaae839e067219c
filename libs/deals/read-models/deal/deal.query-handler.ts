import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { pageSize } from '#shared/graphql';
import { DealsReader, type DealFilter, type DealPage, type DealRow } from './deals.reader.js';

export class GetDealQuery extends Query<DealRow | null> {
  constructor(readonly id: string) {
    super();
  }
}

export class ListDealsQuery extends Query<DealPage> {
  constructor(
    readonly filter: DealFilter,
    readonly first: number | null,
    readonly after: string | null,
  ) {
    super();
  }
}

@QueryHandler(GetDealQuery)
export class GetDealHandler implements IQueryHandler<GetDealQuery> {
  constructor(private readonly deals: DealsReader) {}

  async execute(query: GetDealQuery): Promise<DealRow | null> {
    return this.deals.byId(query.id);
  }
}

@QueryHandler(ListDealsQuery)
export class ListDealsHandler implements IQueryHandler<ListDealsQuery> {
  constructor(private readonly deals: DealsReader) {}

  async execute({ filter, first, after }: ListDealsQuery): Promise<DealPage> {
    return this.deals.page(filter, pageSize(first), after);
  }
}
