import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '#event-store';
import { readAggregate } from '#shared/application';
import { dealAggregate, dealSnapshot, type DealSnapshot } from '../domain/index.js';

/**
 * What other contexts may know of a deal, from its own stream (not the read model), so a closure
 * recorded a moment ago counts in a command that depends on it.
 */
@Injectable()
export class DealSource {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** null when the deal does not exist. */
  async snapshot(dealId: string): Promise<DealSnapshot | null> {
    const { state } = await readAggregate(this.store, dealAggregate, dealId);
    return dealSnapshot(state);
  }
}
