import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { errorCode, gql } from './support/graphql-client.js';
import { useTestService } from './support/test-service.js';
import { DataDirLockedError } from '#api';
import { startTestApp } from './support/test-app.js';

const REASON = 'code label category kind retired mergedInto { code label retired }';
const DEFINE = `mutation ($input: DefineReasonInput!) { defineReason(input: $input) { ${REASON} } }`;
const RETIRE = `mutation ($code: ID!) { retireReason(code: $code) { ${REASON} } }`;
const MERGE = `mutation ($input: MergeReasonsInput!) { mergeReasons(input: $input) { ${REASON} } }`;
const REASONS = `query ($kind: ReasonKind, $includeRetired: Boolean) { reasons(kind: $kind, includeRetired: $includeRetired) { ${REASON} } }`;

/** A code no other test uses: reasons share the one catalog stream. */
const newCode = (prefix = 'R'): string => `${prefix}_${randomUUID().replaceAll('-', '').slice(0, 12).toUpperCase()}`;

describe('the reason catalog over GraphQL', () => {
  const service = useTestService();

  const define = (input: Record<string, unknown>, token = service.tokens.revops) => gql(service.app.url, DEFINE, { input }, token);

  it('serves the default catalog defined at first start', async () => {
    const loss = await gql(service.app.url, REASONS, { kind: 'LOSS' }, service.tokens.marketing);
    const win = await gql(service.app.url, REASONS, { kind: 'WIN' }, service.tokens.marketing);
    expect(loss.data?.['reasons'].map((reason: { code: string }) => reason.code)).toEqual(
      expect.arrayContaining(['PRICE_TOO_HIGH', 'MISSING_FEATURE', 'LOST_TO_COMPETITOR', 'BAD_TIMING', 'NO_DECISION', 'WEAK_FOLLOW_UP', 'POOR_LEAD_FIT', 'UNCLEAR_VALUE', 'CHAMPION_LEFT']),
    );
    expect(win.data?.['reasons'].map((reason: { code: string }) => reason.code)).toEqual(
      expect.arrayContaining(['BEST_VALUE', 'PRODUCT_FIT', 'STRONG_RELATIONSHIP', 'TIMELY_FOLLOW_UP', 'RELEVANT_CONTENT', 'QUALIFIED_LEAD']),
    );
    const rejection = await gql(service.app.url, REASONS, { kind: 'REJECTION' }, service.tokens.sales);
    expect(rejection.data?.['reasons'].map((reason: { code: string }) => reason.code)).toEqual(
      expect.arrayContaining(['NOT_ICP_FIT', 'NO_BUDGET', 'NO_NEED', 'NOT_DECISION_MAKER', 'NOT_READY', 'BAD_CONTACT_DATA', 'DUPLICATE_LEAD', 'ALREADY_IN_PIPELINE']),
    );
    expect(loss.data?.['reasons'].find((reason: { code: string }) => reason.code === 'LOST_TO_COMPETITOR')).toMatchObject({
      category: 'COMPETITION',
      kind: 'LOSS',
      retired: false,
      mergedInto: null,
    });
  });

  it('defines the catalog once across restarts on the same data', async () => {
    await service.app.stop({ keepData: true });
    service.app = await startTestApp({}, service.app.dataDir);
    const reasons = await gql(service.app.url, REASONS, { includeRetired: true }, service.tokens.sales);
    const codes: string[] = reasons.data?.['reasons'].map((reason: { code: string }) => reason.code);
    expect(codes.filter((code) => code === 'PRICE_TOO_HIGH')).toHaveLength(1);
  });

  it('refuses a second service on data another one is using', async () => {
    await expect(startTestApp({}, service.app.dataDir)).rejects.toThrow(DataDirLockedError);
  });

  it('lets REVOPS define a reason, and answers it from the read model at once', async () => {
    const code = newCode();
    const response = await define({ code, label: 'Procurement stalled', category: 'TIMING', kind: 'LOSS' });
    expect(response.errors).toBeUndefined();
    expect(response.data?.['defineReason']).toEqual({ code, label: 'Procurement stalled', category: 'TIMING', kind: 'LOSS', retired: false, mergedInto: null });
    const listed = await gql(service.app.url, REASONS, { kind: 'LOSS' }, service.tokens.sales);
    expect(listed.data?.['reasons'].map((reason: { code: string }) => reason.code)).toContain(code);
  });

  it('treats the same definition again as a no-op and another definition as CONFLICT', async () => {
    const code = newCode();
    const input = { code, label: 'Legal review', category: 'OTHER', kind: 'LOSS' };
    await define(input);
    const again = await define(input);
    expect(again.errors).toBeUndefined();
    expect(again.data?.['defineReason'].label).toBe('Legal review');
    expect(errorCode(await define({ ...input, label: 'Something else' }))).toBe('CONFLICT');
  });

  it('refuses a malformed code with BAD_USER_INPUT naming the field', async () => {
    const response = await define({ code: 'lower_case', label: 'x', category: 'OTHER', kind: 'WIN' });
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.extensions?.['field']).toBe('code');
  });

  it('refuses an empty label with BAD_USER_INPUT naming the field', async () => {
    const response = await define({ code: newCode(), label: '', category: 'OTHER', kind: 'WIN' });
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.extensions?.['field']).toBe('label');
  });

  it.each(['marketing', 'sales', 'executive', 'salesLead'] as const)('answers FORBIDDEN to %s for every catalog change', async (role) => {
    const code = newCode();
    expect(errorCode(await define({ code, label: 'x', category: 'OTHER', kind: 'WIN' }, service.tokens[role]))).toBe('FORBIDDEN');
    expect(errorCode(await gql(service.app.url, RETIRE, { code: 'BAD_TIMING' }, service.tokens[role]))).toBe('FORBIDDEN');
    expect(errorCode(await gql(service.app.url, MERGE, { input: { from: 'BAD_TIMING', into: 'NO_DECISION' } }, service.tokens[role]))).toBe('FORBIDDEN');
  });

  it('answers UNAUTHENTICATED without a token, for queries and mutations', async () => {
    expect(errorCode(await gql(service.app.url, REASONS))).toBe('UNAUTHENTICATED');
    expect(errorCode(await gql(service.app.url, DEFINE, { input: { code: newCode(), label: 'x', category: 'OTHER', kind: 'WIN' } }))).toBe('UNAUTHENTICATED');
  });

  it('retires a reason: it leaves the default list but stays with includeRetired', async () => {
    const code = newCode();
    await define({ code, label: 'Budget cut', category: 'PRICE', kind: 'LOSS' });
    const retired = await gql(service.app.url, RETIRE, { code }, service.tokens.revops);
    expect(retired.data?.['retireReason']).toMatchObject({ code, retired: true, mergedInto: null });
    const active = await gql(service.app.url, REASONS, { kind: 'LOSS' }, service.tokens.sales);
    expect(active.data?.['reasons'].map((reason: { code: string }) => reason.code)).not.toContain(code);
    const all = await gql(service.app.url, REASONS, { kind: 'LOSS', includeRetired: true }, service.tokens.sales);
    expect(all.data?.['reasons'].map((reason: { code: string }) => reason.code)).toContain(code);
  });

  it('answers NOT_FOUND when retiring an unknown code', async () => {
    expect(errorCode(await gql(service.app.url, RETIRE, { code: newCode() }, service.tokens.revops))).toBe('NOT_FOUND');
  });

  it('merges a reason into another of its kind and returns the merged one pointing at its survivor', async () => {
    const from = newCode();
    const into = newCode();
    await define({ code: from, label: 'Too pricey', category: 'PRICE', kind: 'LOSS' });
    await define({ code: into, label: 'Price above budget', category: 'PRICE', kind: 'LOSS' });
    const merged = await gql(service.app.url, MERGE, { input: { from, into } }, service.tokens.revops);
    expect(merged.errors).toBeUndefined();
    expect(merged.data?.['mergeReasons']).toMatchObject({ code: from, retired: true, mergedInto: { code: into, label: 'Price above budget', retired: false } });
  });

  it('refuses merging reasons of different kinds, into a retired reason, or into itself', async () => {
    const loss = newCode();
    const win = newCode();
    const retired = newCode();
    await define({ code: loss, label: 'a', category: 'OTHER', kind: 'LOSS' });
    await define({ code: win, label: 'b', category: 'OTHER', kind: 'WIN' });
    await define({ code: retired, label: 'c', category: 'OTHER', kind: 'LOSS' });
    await gql(service.app.url, RETIRE, { code: retired }, service.tokens.revops);
    const kinds = await gql(service.app.url, MERGE, { input: { from: loss, into: win } }, service.tokens.revops);
    expect(errorCode(kinds)).toBe('BAD_USER_INPUT');
    expect(errorCode(await gql(service.app.url, MERGE, { input: { from: loss, into: retired } }, service.tokens.revops))).toBe('BAD_USER_INPUT');
    expect(errorCode(await gql(service.app.url, MERGE, { input: { from: loss, into: loss } }, service.tokens.revops))).toBe('BAD_USER_INPUT');
  });
});
