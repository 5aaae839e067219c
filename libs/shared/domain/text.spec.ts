import { describe, expect, it } from '@jest/globals';
import { DomainError } from './domain-error.js';
import { excerpt, MAX_ECHO, optionalText, requireText } from './text.js';

const refusal = (read: () => unknown): DomainError => {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected a refusal');
};

describe('requireText', () => {
  it.each([
    ['NUL', 'Acme\u0000Corp'],
    ['BEL', 'Acme\u0007'],
    ['an ANSI escape', '\u001b[31mAcme'],
    ['CR LF', 'Acme\r\nCorp'],
    ['a tab', 'Acme\tCorp'],
    ['a line break', 'Acme\nCorp'],
    ['a right-to-left override', 'Acme \u202Egnp.exe'],
    ['a first-strong isolate', 'Acme \u2068x'],
  ])('refuses %s in a one-line text, naming the field and where', (_name, value) => {
    const error = refusal(() => requireText(value, 'account', 1, 200));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.details.field).toBe('account');
    expect(error.message).toMatch(/^account must not contain control characters or bidirectional overrides \(U\+[0-9A-F]{4} at character \d+\)$/);
  });

  it('takes tabs and line breaks in a multi-line text, but no other control character', () => {
    expect(requireText('First line\n\tsecond line', 'notes', 1, 5000, { multiline: true })).toBe('First line\n\tsecond line');
    expect(refusal(() => requireText('a\r\nb', 'notes', 1, 5000, { multiline: true })).message).toBe(
      'notes must not contain control characters other than tabs and line breaks or bidirectional overrides (U+000D at character 2)',
    );
    expect(refusal(() => requireText('a\u202Eb', 'notes', 1, 5000, { multiline: true })).details.field).toBe('notes');
  });

  it('takes other Unicode as it is, trimming the ends', () => {
    expect(requireText('  Société Générale — 東京 👍 ', 'account', 1, 200)).toBe('Société Générale — 東京 👍');
  });

  it('refuses a control character in an optional text too, and treats a blank one as absent', () => {
    expect(refusal(() => optionalText('Spring\u0000', 'campaign', 200)).details.field).toBe('campaign');
    expect(optionalText('   ', 'campaign', 200)).toBeNull();
  });
});

describe('excerpt', () => {
  it('keeps a short value whole and cuts a long one at a hundred characters', () => {
    expect(excerpt('abc')).toBe('abc');
    expect(excerpt('x'.repeat(MAX_ECHO))).toBe('x'.repeat(MAX_ECHO));
    expect(excerpt('x'.repeat(1_000_000))).toBe(`${'x'.repeat(MAX_ECHO)}…`);
  });

  it('counts characters, not UTF-16 units, so it never splits one', () => {
    expect(excerpt('👍'.repeat(150))).toBe(`${'👍'.repeat(MAX_ECHO)}…`);
  });
});
