import { describe, expect, it } from '@jest/globals';
import { currency, DomainError } from '#shared';
import {
  parseAcceptLeadInput,
  parseConvertLeadInput,
  parseEndorseQualificationInput,
  parseHandOffLeadInput,
  parseProposeQualificationInput,
  parseRecycleLeadInput,
  parseRejectLeadInput,
  parseReviewQualificationInput,
  type HandOffLeadFields,
  type ProposeQualificationFields,
} from './index.js';

function fieldOf(parse: () => unknown): string | undefined {
  try {
    parse();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('INVALID_INPUT');
    return (error as DomainError).details.field;
  }
  throw new Error('expected INVALID_INPUT');
}

const criterion = (code: string, required?: boolean) => ({ code, description: ` ${code} holds `, ...(required === undefined ? {} : { required }) });

describe('parseProposeQualificationInput', () => {
  const valid: ProposeQualificationFields = { criteria: [criterion('BUDGET', true), criterion('ICP')], minimumMet: 1, respondWithinHours: 24, reviewEveryDays: 90 };

  it('turns the input into a command, a criterion being optional unless required', () => {
    expect(parseProposeQualificationInput(valid)).toEqual({
      type: 'ProposeQualification',
      criteria: [
        { code: 'BUDGET', description: 'BUDGET holds', required: true },
        { code: 'ICP', description: 'ICP holds', required: false },
      ],
      minimumMet: 1,
      respondWithinHours: 24,
      reviewEveryDays: 90,
    });
  });

  it('takes the bounds: 20 criteria all to be met, 1 and 720 hours, 7 and 365 days', () => {
    const twenty = Array.from({ length: 20 }, (_, index) => criterion(`C${index + 10}`));
    expect(parseProposeQualificationInput({ criteria: twenty, minimumMet: 20, respondWithinHours: 720, reviewEveryDays: 365 }).criteria).toHaveLength(20);
    expect(parseProposeQualificationInput({ ...valid, respondWithinHours: 1, reviewEveryDays: 7 }).respondWithinHours).toBe(1);
  });

  it.each<[string, Partial<ProposeQualificationFields>]>([
    ['criteria', { criteria: [] }],
    ['criteria', { criteria: Array.from({ length: 21 }, (_, index) => criterion(`C${index + 10}`)) }],
    ['criteria', { criteria: [criterion('BUDGET'), criterion('BUDGET')] }],
    ['criteria', { criteria: [criterion('budget')] }],
    ['criteria', { criteria: [{ code: 'BUDGET', description: ' ' }] }],
    ['criteria', { criteria: [{ code: 'BUDGET', description: 'x'.repeat(301) }] }],
    ['minimumMet', { minimumMet: 0 }],
    ['minimumMet', { minimumMet: 3 }],
    ['respondWithinHours', { respondWithinHours: 0 }],
    ['respondWithinHours', { respondWithinHours: 721 }],
    ['reviewEveryDays', { reviewEveryDays: 6 }],
    ['reviewEveryDays', { reviewEveryDays: 366 }],
  ])('refuses a bad %s, naming it', (field, overrides) => {
    expect(fieldOf(() => parseProposeQualificationInput({ ...valid, ...overrides }))).toBe(field);
  });

  it('takes a version to endorse and an optional review note', () => {
    expect(parseEndorseQualificationInput({ version: 2 })).toEqual({ type: 'EndorseQualification', version: 2 });
    expect(fieldOf(() => parseEndorseQualificationInput({ version: 0 }))).toBe('version');
    expect(parseReviewQualificationInput({})).toEqual({ type: 'ReviewQualification', note: null });
    expect(fieldOf(() => parseReviewQualificationInput({ note: 'x'.repeat(2001) }))).toBe('note');
  });
});

describe('parseHandOffLeadInput', () => {
  const valid: HandOffLeadFields = { account: ' Acme ', channel: 'Webinar', criteriaMet: ['BUDGET'] };

  it('turns the input into a request with a new id, blank optional texts as absent', () => {
    expect(parseHandOffLeadInput({ ...valid, campaign: ' ' })).toEqual({
      type: 'HandOffLead',
      leadId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      account: 'Acme',
      contact: null,
      segment: null,
      channel: 'Webinar',
      campaign: null,
      criteriaMet: ['BUDGET'],
      note: null,
    });
    expect(parseHandOffLeadInput({ ...valid, id: 'lead-1', criteriaMet: [] })).toMatchObject({ leadId: 'lead-1', criteriaMet: [] });
  });

  it.each<[string, Partial<HandOffLeadFields>]>([
    ['id', { id: 'no spaces' }],
    ['account', { account: '' }],
    ['account', { account: 'a'.repeat(201) }],
    ['contact', { contact: 'c'.repeat(201) }],
    ['segment', { segment: 's'.repeat(101) }],
    ['channel', { channel: ' ' }],
    ['channel', { channel: 'c'.repeat(101) }],
    ['campaign', { campaign: 'c'.repeat(201) }],
    ['criteriaMet', { criteriaMet: ['BUDGET', 'BUDGET'] }],
    ['criteriaMet', { criteriaMet: ['budget'] }],
    ['criteriaMet', { criteriaMet: Array.from({ length: 21 }, (_, index) => `C${index + 10}`) }],
    ['note', { note: 'n'.repeat(2001) }],
    ['account', { account: 'Acme\u202E' }],
  ])('refuses a bad %s, naming it', (field, overrides) => {
    expect(fieldOf(() => parseHandOffLeadInput({ ...valid, ...overrides }))).toBe(field);
  });
});

describe('the answers to a lead', () => {
  it('parse the lead id, the reason code and the notes', () => {
    expect(parseAcceptLeadInput({ leadId: 'l-1' })).toEqual({ type: 'AcceptLead', leadId: 'l-1' });
    expect(parseRejectLeadInput({ leadId: 'l-1', reasonCode: 'NO_BUDGET', note: 'Line one\nline two' })).toEqual({
      type: 'RejectLead',
      leadId: 'l-1',
      reasonCode: 'NO_BUDGET',
      note: 'Line one\nline two',
    });
    expect(parseRecycleLeadInput({ leadId: 'l-1' })).toEqual({ type: 'RecycleLead', leadId: 'l-1', note: null });
    expect(fieldOf(() => parseAcceptLeadInput({ leadId: '' }))).toBe('leadId');
    expect(fieldOf(() => parseRejectLeadInput({ leadId: 'l-1', reasonCode: 'no budget' }))).toBe('reasonCode');
    expect(fieldOf(() => parseRecycleLeadInput({ leadId: 'l-1', note: 'n'.repeat(2001) }))).toBe('note');
  });
});

describe('parseConvertLeadInput', () => {
  const usd = currency('USD');
  const valid = { leadId: 'l-1', title: ' Acme rollout ', owner: 'Dana', amount: '50000.5' };

  it('follows openDeal’s rules for the deal it opens', () => {
    expect(parseConvertLeadInput({ ...valid, dealId: 'd-1', expectedCloseDate: '2026-06-30' }, usd)).toEqual({
      type: 'ConvertLead',
      leadId: 'l-1',
      dealId: 'd-1',
      title: 'Acme rollout',
      owner: 'Dana',
      amountMinor: 5_000_050,
      currency: 'USD',
      expectedCloseDate: '2026-06-30',
    });
    expect(parseConvertLeadInput(valid, usd).dealId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    ['leadId', { leadId: 'a b' }],
    ['dealId', { dealId: 'a b' }],
    ['title', { title: '' }],
    ['owner', { owner: 'o'.repeat(201) }],
    ['amount', { amount: '-1' }],
    ['amount', { amount: '1.001' }],
    ['expectedCloseDate', { expectedCloseDate: '2026-02-30' }],
  ])('refuses a bad %s, naming it', (field, overrides) => {
    expect(fieldOf(() => parseConvertLeadInput({ ...valid, ...overrides }, usd))).toBe(field);
  });
});
