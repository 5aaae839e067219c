import { Inject, Injectable } from '@nestjs/common';
import { formatAmount, type Currency } from '#shared';
import { CURRENCY } from '#shared/application';
import type { AttributionModel, DateWindow } from '../../domain/index.js';
import { DealFactsReader } from '../deal-facts/deal-facts.reader.js';
import { teamCreditView, type TeamCreditView } from '../team-credit.model.js';

/** The GraphQL Scoreboard. */
export interface ScoreboardView {
  readonly from: string;
  readonly to: string;
  readonly model: AttributionModel;
  readonly wonRevenue: string;
  readonly wonDeals: number;
  readonly credit: readonly TeamCreditView[];
}

/** Each team's credit for a period: the figures come from the pure domain, this only loads and formats. */
@Injectable()
export class ScoreboardReader {
  constructor(
    private readonly facts: DealFactsReader,
    @Inject(CURRENCY) private readonly currency: Currency,
  ) {}

  /** Credit over every deal now won with its close inside the window. */
  scoreboard(window: DateWindow, model: AttributionModel): ScoreboardView {
    const totals = this.facts.totals({ window, segment: null, asOf: null, model });
    return {
      from: window.from,
      to: window.to,
      model,
      wonRevenue: formatAmount(totals.wonRevenueMinor, this.currency),
      wonDeals: totals.wonDeals,
      credit: totals.credit.map((row) => teamCreditView(row, this.currency)),
    };
  }
}
