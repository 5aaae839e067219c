import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { backupSqliteDatabase } from '#sqlite';

/**
 * The SQLite files of a data directory, in the order they are copied: the read models first,
 * so that in the copy they are behind its log, never ahead of it (a checkpoint past the log's
 * head would skip the events a restored service appends next). They catch up from there.
 */
const FILES = ['read-models.sqlite', 'events.sqlite'];

/**
 * Copies the data directory's SQLite files into `destination` (made, and empty), each with
 * SQLite's online backup: consistent while the service runs. The read models come along so
 * that a restored service starts without a rebuild.
 */
export async function backupDataDir(dataDir: string, destination: string): Promise<string[]> {
  if (existsSync(destination) && readdirSync(destination).length > 0) {
    throw new Error(`${destination} is not empty: a backup goes into a new folder`);
  }
  mkdirSync(destination, { recursive: true });
  const copied: string[] = [];
  for (const name of FILES) {
    const source = join(dataDir, name);
    if (!existsSync(source)) continue;
    await backupSqliteDatabase(source, join(destination, name));
    copied.push(name);
  }
  if (copied.length === 0) throw new Error(`${dataDir} holds no SQLite files: is DATA_DIR the service's data directory?`);
  return copied;
}
