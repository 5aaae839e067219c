import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { GoalStatus } from '../../domain/index.js';
import { GoalsReader, type GoalRow } from './goals.reader.js';

export class GetSharedGoalQuery extends Query<GoalRow | null> {
  constructor(readonly id: string) {
    super();
  }
}

export class ListSharedGoalsQuery extends Query<GoalRow[]> {
  constructor(readonly status: GoalStatus | null) {
    super();
  }
}

@QueryHandler(GetSharedGoalQuery)
export class GetSharedGoalHandler implements IQueryHandler<GetSharedGoalQuery> {
  constructor(private readonly goals: GoalsReader) {}

  async execute(query: GetSharedGoalQuery): Promise<GoalRow | null> {
    return this.goals.byId(query.id);
  }
}

@QueryHandler(ListSharedGoalsQuery)
export class ListSharedGoalsHandler implements IQueryHandler<ListSharedGoalsQuery> {
  constructor(private readonly goals: GoalsReader) {}

  async execute(query: ListSharedGoalsQuery): Promise<GoalRow[]> {
    return this.goals.list(query.status);
  }
}
