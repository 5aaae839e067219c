import { closeSync, mkdirSync, openSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { StartupError } from './startup-error.js';

/**
 * Makes sure DATA_DIR is a directory this process can write, creating it (and its missing
 * parents) one level at a time. Node 20's recursive mkdir spins forever on some paths (under
 * /proc, for one), so it is never asked; each level fails at once with its own reason.
 */
export function prepareDataDir(dataDir: string): void {
  const missing: string[] = [];
  let existing = dataDir;
  for (;;) {
    const kind = kindOf(existing);
    if (kind === 'directory') break;
    if (kind === 'other') throw new StartupError(`DATA_DIR ${dataDir} cannot be used: ${existing} exists and is not a directory; set DATA_DIR to a directory`);
    const parent = dirname(existing);
    if (parent === existing) break;
    missing.unshift(existing);
    existing = parent;
  }
  for (const level of missing) {
    try {
      mkdirSync(level);
    } catch (error) {
      const code = codeOf(error);
      if (code === 'EEXIST' && kindOf(level) === 'directory') continue;
      throw new StartupError(`DATA_DIR ${dataDir} cannot be created (${code} at ${level}); set DATA_DIR to a directory this user can write`);
    }
  }
  const probe = join(dataDir, `.tandem-write-check-${process.pid}`);
  try {
    closeSync(openSync(probe, 'wx'));
    rmSync(probe, { force: true });
  } catch (error) {
    throw new StartupError(`DATA_DIR ${dataDir} is not writable (${codeOf(error)}); set DATA_DIR to a directory this user can write`);
  }
}

function kindOf(path: string): 'directory' | 'other' | 'missing' {
  try {
    return statSync(path).isDirectory() ? 'directory' : 'other';
  } catch (error) {
    // ENOTDIR: a file on the way; walking up names it.
    if (codeOf(error) === 'ENOENT' || codeOf(error) === 'ENOTDIR') return 'missing';
    throw new StartupError(`DATA_DIR cannot be checked at ${path} (${codeOf(error)}); set DATA_DIR to a directory this user can write`);
  }
}

const codeOf = (error: unknown): string => (error as NodeJS.ErrnoException | undefined)?.code ?? String(error);
