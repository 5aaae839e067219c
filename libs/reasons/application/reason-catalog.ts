import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '#event-store';
import { readAggregate } from '#shared/application';
import { reasonCatalogAggregate, REASONS_STREAM, reasonSnapshots, type ReasonCatalog, type ReasonSnapshot } from '../domain/index.js';

/**
 * The catalog as the log has it now. Commands of other contexts check reasons against it, not
 * against the read model, so that a reason retired a moment ago is refused at once.
 */
@Injectable()
export class ReasonCatalogSource {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  private async catalog(): Promise<ReasonCatalog> {
    return (await readAggregate(this.store, reasonCatalogAggregate, REASONS_STREAM)).state;
  }

  /** What the catalog says of each code (null when unknown), for a command that cites them. */
  async snapshots(codes: readonly string[]): Promise<Readonly<Record<string, ReasonSnapshot | null>>> {
    return reasonSnapshots(codes, await this.catalog());
  }
}
