import { afterAll, beforeAll, expect } from '@jest/globals';
import { EVENT_STORE, type EventStore } from '#event-store';
import { gql, type GraphQLResponse } from './graphql-client.js';
import { startTestApp, type RunningApp } from './test-app.js';
import { teamTokens } from './tokens.js';

export type Tokens = Awaited<ReturnType<typeof teamTokens>>;
/** The roles PRODUCT §5 tells apart, one token each. */
export type Role = keyof Tokens;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Row = Record<string, any>;

/** The real service for one test file, with a token per role and the calls every file makes. */
export class TestService {
  app!: RunningApp;
  tokens!: Tokens;

  constructor(private readonly defaultRole: Role) {}

  /** The service's own event store: what tests count events in. */
  get store(): EventStore {
    return this.app.tandem.app.get<EventStore>(EVENT_STORE);
  }

  /** A mutation with `input`, as the role (the file's default role when none is given). */
  readonly call = (query: string, input: Record<string, unknown>, role: Role = this.defaultRole): Promise<GraphQLResponse<Row>> =>
    gql<Row>(this.app.url, query, { input }, this.tokens[role]);

  /** A mutation that must succeed: its one field's answer. */
  readonly succeed = async (query: string, input: Record<string, unknown>, role: Role = this.defaultRole): Promise<Row> => {
    const response = await this.call(query, input, role);
    expect(response.errors).toBeUndefined();
    return Object.values(response.data as Record<string, Row>)[0]!;
  };

  /** The types of a stream's events, in order. */
  readonly typesIn = async (stream: string): Promise<string[]> => (await this.store.readStream(stream)).map((event) => event.type);
}

/** Starts the service before the file's tests and stops it after them. */
export function useTestService(defaultRole: Role = 'sales', env: Record<string, string> = {}): TestService {
  const service = new TestService(defaultRole);
  beforeAll(async () => {
    service.app = await startTestApp(env);
    service.tokens = await teamTokens();
  });
  afterAll(async () => service.app.stop());
  return service;
}
