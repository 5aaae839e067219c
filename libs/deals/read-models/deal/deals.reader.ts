import { Injectable } from '@nestjs/common';

/** A deal as the read model holds it: the scalar fields of the GraphQL Deal, Decimal as exact strings. */
export interface DealRow {
  readonly id: string;
  readonly title: string;
  readonly account: string;
  readonly segment: string | null;
  readonly source: 'MARKETING' | 'SALES';
  readonly owner: string;
  readonly stage: string;
  readonly status: 'OPEN' | 'WON' | 'LOST';
  readonly amount: string;
  readonly currency: string;
  readonly expectedCloseDate: string | null;
  readonly openedAt: string;
  readonly closedAt: string | null;
  /** The loss reason's code as given; the resolver shows it under its current catalog name. */
  readonly lossReasonCode: string | null;
  readonly competitor: string | null;
  readonly closures: number;
  readonly version: number;
}

@Injectable()
export class DealsReader {
  byId(_id: string): DealRow | null {
    throw new Error('DealsReader is being written');
  }

  /** One query for any number of ids, keyed by id; unknown ids are absent. */
  byIds(_ids: readonly string[]): Map<string, DealRow> {
    throw new Error('DealsReader is being written');
  }
}
