import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteDatabase, readJournalMode, readSynchronous, type SqliteDatabase } from './index.js';

describe('openSqliteDatabase', () => {
  let dir: string;
  const opened: SqliteDatabase[] = [];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'open-sqlite-'));
  });

  afterEach(() => {
    for (const db of opened.splice(0)) if (db.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function open(file: string, synchronous: 'FULL' | 'NORMAL'): SqliteDatabase {
    const db = openSqliteDatabase(file, { synchronous });
    opened.push(db);
    return db;
  }

  it('creates the file and its folders, in WAL mode with the durability asked for', () => {
    const file = join(dir, 'nested', 'deeper', 'read-models.sqlite');

    const full = open(file, 'FULL');
    const normal = open(file, 'NORMAL');

    expect(existsSync(file)).toBe(true);
    expect([readJournalMode(full), readSynchronous(full)]).toEqual(['wal', 'FULL']);
    expect([readJournalMode(normal), readSynchronous(normal)]).toEqual(['wal', 'NORMAL']);
  });

  it('opens an in-memory database, which has no journal file to put in WAL mode', () => {
    const db = open(':memory:', 'NORMAL');

    expect([readJournalMode(db), readSynchronous(db)]).toEqual(['memory', 'NORMAL']);
  });

  it('waits for another connection that holds the write lock instead of failing at once', () => {
    const file = join(dir, 'busy.sqlite');

    const db = open(file, 'FULL');

    expect(db.pragma('busy_timeout', { simple: true })).toBe(5_000);
  });

  it("keeps SQLite's own page cache unless told how much to keep", () => {
    const file = join(dir, 'read-models.sqlite');
    const plain = open(file, 'NORMAL');
    const larger = openSqliteDatabase(file, { synchronous: 'NORMAL', cacheSizeKib: 64 * 1024 });
    opened.push(larger);

    // better-sqlite3 builds SQLite with 16 MiB of cache per connection.
    expect(plain.pragma('cache_size', { simple: true })).toBe(-16000);
    expect(larger.pragma('cache_size', { simple: true })).toBe(-65536);
  });

  it('refuses a durability setting it cannot promise', () => {
    expect(() => openSqliteDatabase(join(dir, 'x.sqlite'), { synchronous: 'OFF' as never })).toThrow(/FULL or NORMAL/);
  });
});
