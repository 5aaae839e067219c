import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '#event-store';
import { evolve, initialState, reasonSnapshots, type ReasonCatalog, type ReasonEvent, type ReasonSnapshot } from '../domain/index.js';
import { REASONS_STREAM } from '../domain/index.js';

/**
 * The catalog as the log has it now. Commands of other contexts check reasons against it, not
 * against the read model, so that a reason retired a moment ago is refused at once.
 */
@Injectable()
export class ReasonCatalogSource {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async catalog(): Promise<ReasonCatalog> {
    const { state } = await this.store.aggregateStream(REASONS_STREAM, {
      initialState,
      evolve: (catalog: ReasonCatalog, event: RecordedEvent) => evolve(catalog, event as unknown as ReasonEvent),
    });
    return state;
  }

  /** What the catalog says of each code (null when unknown), for a command that cites them. */
  async snapshots(codes: readonly string[]): Promise<Readonly<Record<string, ReasonSnapshot | null>>> {
    return reasonSnapshots(codes, await this.catalog());
  }
}
