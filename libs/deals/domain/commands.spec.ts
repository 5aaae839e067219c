import { describe, expect, it } from '@jest/globals';
import { currency, DomainError } from '#shared';
import {
  parseLoseDealInput,
  parseMoveDealStageInput,
  parseOpenDealInput,
  parseRecordTouchInput,
  parseReopenDealInput,
  parseReviseDealInput,
  parseWinDealInput,
  type OpenDealFields,
  type RecordTouchFields,
} from './commands.js';

const usd = currency('USD');
const jpy = currency('JPY');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function refusal(parse: () => unknown): DomainError {
  try {
    parse();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('INVALID_INPUT');
    return error as DomainError;
  }
  throw new Error('expected INVALID_INPUT');
}
const fieldOf = (parse: () => unknown): string | undefined => refusal(parse).details.field;

describe('parseOpenDealInput', () => {
  const valid: OpenDealFields = {
    id: 'deal-1',
    title: ' Acme platform rollout ',
    account: 'Acme',
    segment: ' Enterprise ',
    source: 'MARKETING',
    owner: 'Dana Sales',
    amount: '125000.50',
    expectedCloseDate: '2026-06-30',
    openedAt: '2026-03-01T10:00:00+01:00',
  };

  it('turns the input into a command in minor units of the deployment currency', () => {
    expect(parseOpenDealInput(valid, usd)).toEqual({
      type: 'OpenDeal',
      dealId: 'deal-1',
      title: 'Acme platform rollout',
      account: 'Acme',
      segment: 'Enterprise',
      source: 'MARKETING',
      owner: 'Dana Sales',
      amountMinor: 12_500_050,
      currency: 'USD',
      expectedCloseDate: '2026-06-30',
      openedAt: Date.parse('2026-03-01T09:00:00Z'),
      lead: null,
    });
  });

  it('makes an id and leaves openedAt to the decision when the client gives neither', () => {
    const command = parseOpenDealInput({ ...valid, id: null, openedAt: undefined, segment: ' ', expectedCloseDate: null }, usd);
    expect(command).toMatchObject({ openedAt: null, segment: null, expectedCloseDate: null });
    expect(command.dealId).toMatch(UUID);
  });

  it('takes 200-character texts, a 100-character segment and the largest amount', () => {
    const command = parseOpenDealInput(
      { ...valid, title: 't'.repeat(200), account: 'a'.repeat(200), owner: 'o'.repeat(200), segment: 's'.repeat(100), amount: '1000000000000.00' },
      usd,
    );
    expect(command.amountMinor).toBe(100_000_000_000_000);
  });

  it('takes a zero amount', () => {
    expect(parseOpenDealInput({ ...valid, amount: '0' }, usd).amountMinor).toBe(0);
  });

  it.each<[string, string, Partial<OpenDealFields>]>([
    ['id', 'a malformed id', { id: 'deal 1' }],
    ['title', 'an empty title', { title: '  ' }],
    ['title', 'a title over 200 characters', { title: 't'.repeat(201) }],
    ['account', 'an empty account', { account: '' }],
    ['account', 'an account over 200 characters', { account: 'a'.repeat(201) }],
    ['owner', 'an empty owner', { owner: '' }],
    ['owner', 'an owner over 200 characters', { owner: 'o'.repeat(201) }],
    ['segment', 'a segment over 100 characters', { segment: 's'.repeat(101) }],
    ['source', 'a source that is not MARKETING or SALES', { source: 'REVOPS' }],
    ['amount', 'a negative amount', { amount: '-1.00' }],
    ['amount', 'more decimals than the currency has', { amount: '1.005' }],
    ['amount', 'an amount over 10^12', { amount: '1000000000000.01' }],
    ['amount', 'a float in exponent form', { amount: '1e6' }],
    ['expectedCloseDate', 'a date that does not exist', { expectedCloseDate: '2026-02-30' }],
    ['openedAt', 'an instant without a zone', { openedAt: '2026-03-01T10:00:00' }],
  ])('refuses on %s %s', (field, _what, overrides) => {
    expect(fieldOf(() => parseOpenDealInput({ ...valid, ...overrides }, usd))).toBe(field);
  });

  it('refuses decimals in a currency without minor units', () => {
    expect(fieldOf(() => parseOpenDealInput({ ...valid, amount: '125000.50' }, jpy))).toBe('amount');
    expect(parseOpenDealInput({ ...valid, amount: '125000' }, jpy)).toMatchObject({ amountMinor: 125_000, currency: 'JPY' });
  });
});

describe('parseRecordTouchInput', () => {
  const valid: RecordTouchFields = {
    dealId: 'deal-1',
    touchId: 'touch-1',
    team: 'SALES',
    channel: ' Call ',
    campaign: 'Spring launch',
    occurredAt: '2026-03-05T15:00:00Z',
  };

  it('turns the input into a command', () => {
    expect(parseRecordTouchInput(valid)).toEqual({
      type: 'RecordTouch',
      dealId: 'deal-1',
      touchId: 'touch-1',
      team: 'SALES',
      channel: 'Call',
      campaign: 'Spring launch',
      occurredAt: Date.parse('2026-03-05T15:00:00Z'),
    });
  });

  it('makes a new touch id when the client chose none', () => {
    const first = parseRecordTouchInput({ ...valid, touchId: null, campaign: null });
    expect(first.touchId).toMatch(UUID);
    expect(first.campaign).toBeNull();
    expect(parseRecordTouchInput({ ...valid, touchId: undefined }).touchId).not.toBe(first.touchId);
  });

  it.each<[string, Partial<RecordTouchFields>]>([
    ['dealId', { dealId: 'deal/1' }],
    ['touchId', { touchId: 'x'.repeat(65) }],
    ['team', { team: 'EXECUTIVE' }],
    ['channel', { channel: '' }],
    ['channel', { channel: 'c'.repeat(101) }],
    ['campaign', { campaign: 'c'.repeat(201) }],
    ['occurredAt', { occurredAt: 'yesterday' }],
  ])('refuses a bad %s', (field, overrides) => {
    expect(fieldOf(() => parseRecordTouchInput({ ...valid, ...overrides }))).toBe(field);
  });
});

describe('parseMoveDealStageInput', () => {
  it.each(['QUALIFICATION', 'DISCOVERY', 'PROPOSAL', 'NEGOTIATION'])('takes %s', (stage) => {
    expect(parseMoveDealStageInput({ dealId: 'deal-1', stage })).toEqual({ type: 'MoveDealStage', dealId: 'deal-1', stage });
  });

  it('refuses CLOSED on stage, pointing at winning or losing', () => {
    const error = refusal(() => parseMoveDealStageInput({ dealId: 'deal-1', stage: 'CLOSED' }));
    expect(error.details.field).toBe('stage');
    expect(error.message).toMatch(/winDeal or loseDeal/);
  });

  it('refuses an unknown stage', () => {
    expect(fieldOf(() => parseMoveDealStageInput({ dealId: 'deal-1', stage: 'WON' }))).toBe('stage');
  });
});

describe('parseReviseDealInput', () => {
  it('takes the amount, the date, or both', () => {
    expect(parseReviseDealInput({ dealId: 'deal-1', amount: '10.5' }, usd)).toEqual({
      type: 'ReviseDeal',
      dealId: 'deal-1',
      amountMinor: 1050,
      expectedCloseDate: null,
      currency: 'USD',
    });
    expect(parseReviseDealInput({ dealId: 'deal-1', expectedCloseDate: '2026-07-01' }, usd)).toMatchObject({
      amountMinor: null,
      expectedCloseDate: '2026-07-01',
    });
  });

  it('refuses a revision that names neither, with no single field at fault', () => {
    const error = refusal(() => parseReviseDealInput({ dealId: 'deal-1', amount: null, expectedCloseDate: null }, usd));
    expect(error.details.field).toBeUndefined();
    expect(error.message).toMatch(/amount/);
    expect(error.message).toMatch(/expectedCloseDate/);
  });

  it.each([
    ['amount', { amount: '12,50' }],
    ['expectedCloseDate', { expectedCloseDate: '2026-7-1' }],
  ])('refuses a bad %s', (field, overrides) => {
    expect(fieldOf(() => parseReviseDealInput({ dealId: 'deal-1', ...overrides }, usd))).toBe(field);
  });
});

describe('parseWinDealInput', () => {
  it('leaves the amount and the close to the decision when not given', () => {
    expect(parseWinDealInput({ dealId: 'deal-1' }, usd)).toEqual({
      type: 'WinDeal',
      dealId: 'deal-1',
      amountMinor: null,
      currency: 'USD',
      closedAt: null,
    });
  });

  it('takes a final amount and a close', () => {
    expect(parseWinDealInput({ dealId: 'deal-1', amount: '99.99', closedAt: '2026-03-08T17:00:00Z' }, usd)).toMatchObject({
      amountMinor: 9999,
      closedAt: Date.parse('2026-03-08T17:00:00Z'),
    });
  });

  it.each([
    ['amount', { amount: '-5' }],
    ['closedAt', { closedAt: '2026-02-30T10:00:00Z' }],
  ])('refuses a bad %s', (field, overrides) => {
    expect(fieldOf(() => parseWinDealInput({ dealId: 'deal-1', ...overrides }, usd))).toBe(field);
  });
});

describe('parseLoseDealInput', () => {
  it('turns the input into a request awaiting the catalog’s entry', () => {
    expect(parseLoseDealInput({ dealId: 'deal-1', reasonCode: 'PRICE_TOO_HIGH', competitor: ' Globex ' })).toEqual({
      type: 'LoseDeal',
      dealId: 'deal-1',
      reasonCode: 'PRICE_TOO_HIGH',
      competitor: 'Globex',
      closedAt: null,
    });
  });

  it.each([
    ['reasonCode', { reasonCode: 'price too high' }],
    ['reasonCode', { reasonCode: 'P' }],
    ['competitor', { competitor: 'c'.repeat(201) }],
    ['closedAt', { closedAt: 'now' }],
  ])('refuses a bad %s', (field, overrides) => {
    expect(fieldOf(() => parseLoseDealInput({ dealId: 'deal-1', reasonCode: 'PRICE_TOO_HIGH', ...overrides }))).toBe(field);
  });
});

describe('parseReopenDealInput', () => {
  it('takes a note of up to 1,000 characters, and a blank one as none', () => {
    expect(parseReopenDealInput({ dealId: 'deal-1', note: 'n'.repeat(1000) }).note).toHaveLength(1000);
    expect(parseReopenDealInput({ dealId: 'deal-1', note: '  ' })).toEqual({ type: 'ReopenDeal', dealId: 'deal-1', note: null });
  });

  it('refuses a longer note', () => {
    expect(fieldOf(() => parseReopenDealInput({ dealId: 'deal-1', note: 'n'.repeat(1001) }))).toBe('note');
  });
});

describe('every deal update', () => {
  it.each<[string, () => unknown]>([
    ['moveDealStage', () => parseMoveDealStageInput({ dealId: 'deal 1', stage: 'DISCOVERY' })],
    ['reviseDeal', () => parseReviseDealInput({ dealId: 'deal 1', amount: '1.00' }, usd)],
    ['winDeal', () => parseWinDealInput({ dealId: 'deal 1' }, usd)],
    ['loseDeal', () => parseLoseDealInput({ dealId: 'deal 1', reasonCode: 'PRICE_TOO_HIGH' })],
    ['reopenDeal', () => parseReopenDealInput({ dealId: 'deal 1' })],
  ])('%s refuses a malformed dealId on dealId', (_mutation, parse) => {
    expect(fieldOf(parse)).toBe('dealId');
  });
});
