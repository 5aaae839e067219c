import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';
import { servedSchema } from '#api';
import { startTestApp, type RunningApp } from './support/test-app.js';

const COMMITTED = new URL('../schema.gql', import.meta.url);

describe('the committed schema.gql', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => app.stop());

  it('is exactly the schema the service serves (refresh it with `npm run schema:print`)', () => {
    expect(readFileSync(COMMITTED, 'utf8')).toBe(servedSchema(app.tandem.app));
  });

  it('is valid SDL on its own, as clients and contract checks read it', () => {
    const schema = buildSchema(readFileSync(COMMITTED, 'utf8'));
    expect(schema.getQueryType()?.name).toBe('Query');
    expect(schema.getMutationType()?.name).toBe('Mutation');
    expect(schema.getSubscriptionType()?.name).toBe('Subscription');
  });
});
