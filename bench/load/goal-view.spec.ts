import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { goalViewSkipped } from './goal-view.js';

describe("the goal view's figure", () => {
  it('is skipped, saying why, without a browser or without a built page', () => {
    const folder = mkdtempSync(join(tmpdir(), 'tandem-goal-view-'));
    try {
      const browser = join(folder, 'chromium');
      const page = join(folder, 'index.html');
      expect(goalViewSkipped(browser, page)).toBe(`no browser at ${browser}`);
      writeFileSync(browser, '');
      expect(goalViewSkipped(browser, page)).toBe('the page is not built (npm run build)');
      writeFileSync(page, '<!doctype html>');
      expect(goalViewSkipped(browser, page)).toBeUndefined();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
