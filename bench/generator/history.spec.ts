import { beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import type { RecordedEvent } from '#event-store';
import { InMemoryEventStore } from '#event-store/in-memory';
import { reasonCatalogAggregate, type ReasonEvent } from '#reasons';
import { SERVICE_ACTOR } from '#shared/application';
import { History, nextQuarter, type HistoryManifest, type HistoryOptions } from './history.js';

const UNTIL = Date.parse('2026-06-15T00:00:00.000Z');
const OPTIONS: HistoryOptions = { seed: 7, events: 3000, until: UNTIL };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function fingerprint(options: HistoryOptions): string {
  const hash = createHash('sha256');
  for (const batch of new History(options).batches()) hash.update(JSON.stringify(batch));
  return hash.digest('hex');
}

describe('the generated history', () => {
  // Played once through an event store that checks every expected revision, as the bench does.
  const store = new InMemoryEventStore();
  let log: RecordedEvent[];
  let manifest: HistoryManifest;
  let played: string;

  beforeAll(async () => {
    const history = new History(OPTIONS);
    const hash = createHash('sha256');
    for (const batch of history.batches()) {
      hash.update(JSON.stringify(batch));
      await store.appendToStream(batch.stream, batch.events, { expectedRevision: batch.expectedRevision });
    }
    played = hash.digest('hex');
    log = await store.readAll();
    manifest = history.manifest();
  });

  it('is the same, ids included, for the same seed, size and end', () => {
    expect(fingerprint(OPTIONS)).toEqual(played);
  });

  it('differs for another seed', () => {
    expect(fingerprint({ ...OPTIONS, seed: 8 })).not.toEqual(played);
  });

  it('lands near the requested number of events', () => {
    expect(log.length).toBe(manifest.events);
    expect(log.length).toBeGreaterThan(OPTIONS.events * 0.9);
    expect(log.length).toBeLessThan(OPTIONS.events * 1.1);
  });

  it('appends at the revisions it was decided on, in recording order, with the service metadata', () => {
    // Then every event carries what handleCommand writes, recorded in order and within the history
    let previous = 0;
    for (const event of log) {
      const { actor, team, recordedAt, correlationId, causationId } = event.metadata as Record<string, string>;
      expect(event.id).toMatch(UUID);
      expect(causationId).toMatch(UUID);
      expect(typeof actor).toBe('string');
      expect(['MARKETING', 'SALES', 'EXECUTIVE', 'REVOPS']).toContain(team);
      expect(typeof correlationId).toBe('string');
      const at = Date.parse(recordedAt!);
      expect(at).toBeGreaterThanOrEqual(previous);
      expect(at).toBeLessThanOrEqual(UNTIL);
      previous = at;
    }
    // And the mix holds every kind of fact the service records
    const types = new Set(log.map((event) => event.type));
    for (const type of ['DealOpened', 'DealTouchRecorded', 'DealStageMoved', 'DealRevised', 'DealWon', 'DealLost', 'DealReopened',
      'SharedGoalProposed', 'SharedGoalEndorsed', 'SharedGoalActivated', 'SharedGoalTargetRevised', 'SharedGoalClosed',
      'RetrospectiveClosureClaimed', 'RetrospectiveOpened', 'PerspectiveFiled', 'ActionItemAdded', 'ActionItemCompleted',
      'RetrospectiveConcluded', 'ReasonDefined', 'ReasonRetired', 'ReasonsMerged',
      'QualificationProposed', 'QualificationEndorsed', 'QualificationActivated', 'QualificationReviewed',
      'LeadHandedOff', 'LeadAccepted', 'LeadRejected', 'LeadRecycled', 'LeadConverted']) {
      expect(types).toContain(type);
    }
    expect(manifest.eventTypes['DealOpened']).toBe(log.filter((event) => event.type === 'DealOpened').length);
  });

  it('defines the default catalog as the service does at its first start, so the service adds nothing', async () => {
    const reasons = await store.readStream('reasons');
    expect(reasons[0]!.metadata).toMatchObject({ actor: SERVICE_ACTOR.id, team: SERVICE_ACTOR.team, correlationId: 'default-reason-catalog' });
    const { decider } = reasonCatalogAggregate;
    const catalog = reasons.reduce((state, event) => decider.evolve(state, event as unknown as ReasonEvent), decider.initialState());
    const context = { actor: SERVICE_ACTOR, now: UNTIL, correlationId: 'default-reason-catalog' };
    expect(decider.decide({ type: 'DefineDefaultCatalog' }, catalog, context)).toEqual([]);
  });

  it('names what the load phase asks about', () => {
    const { load, goals } = manifest;
    expect(load.goalNow.periodStart <= '2026-06-14' && load.goalNow.periodEnd >= '2026-06-14').toBe(true);
    expect(load.goalPast.periodEnd < '2026-06-15').toBe(true);
    expect(load.window).toEqual({ from: load.goalPast.periodStart, to: load.goalPast.periodEnd });
    expect(load.series).toHaveLength(12);
    expect([...load.series].sort()).toEqual(load.series);
    expect(load.pastAsOf > load.goalPast.proposedAt).toBe(true);
    expect(load.openDealIds.length).toBeGreaterThan(10);
    expect(goals.filter((goal) => goal.segment === null).length).toBeGreaterThanOrEqual(7);
  });
});

describe('nextQuarter', () => {
  it('is the quarter starting at the instant, or the next one', () => {
    expect(nextQuarter(Date.parse('2026-04-01T00:00:00.000Z'))).toEqual({ start: '2026-04-01', end: '2026-06-30', label: '2026 Q2' });
    expect(nextQuarter(Date.parse('2026-04-01T00:00:00.001Z')).start).toBe('2026-07-01');
    expect(nextQuarter(Date.parse('2026-11-30T00:00:00.000Z'))).toEqual({ start: '2027-01-01', end: '2027-03-31', label: '2027 Q1' });
  });
});
