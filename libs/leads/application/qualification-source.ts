import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '#event-store';
import { readAggregate } from '#shared/application';
import { agreementInForce, qualificationAggregate, QUALIFICATION_STREAM, type AgreementSnapshot } from '../domain/index.js';

/**
 * The agreement in force as its stream has it now (not the read model), so a version activated
 * a moment ago measures the very next handoff.
 */
@Injectable()
export class QualificationSource {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** null when no version is in force. */
  async inForce(): Promise<AgreementSnapshot | null> {
    const { state } = await readAggregate(this.store, qualificationAggregate, QUALIFICATION_STREAM);
    return agreementInForce(state);
  }
}
