// npm start's build step: rebuilds what changed since the last build and nothing else, so that a
// start with nothing changed costs no compile. The API (tsc) and the page (codegen + vite) are
// two targets, each stale when a file it is built from is newer than its stamp in dist/.
//
//   node scripts/build-if-stale.mjs          both targets
//   node scripts/build-if-stale.mjs api      the API only (what the start-up tests need)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const SKIP = new Set(['node_modules', 'dist', 'data', 'coverage', 'reports', 'test-output', '.stryker-tmp', '.git']);

export const TARGETS = {
  api: {
    script: 'build:api',
    inputs: ['apps/api', 'libs', 'bench', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'],
  },
  web: {
    script: 'build:web',
    inputs: ['apps/web', 'schema.gql', 'package.json', 'package-lock.json'],
  },
};

/** The newest modification time among the files under `paths` (0 when none exists). */
export function newestInput(paths) {
  let newest = 0;
  const visit = (path) => {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) if (!SKIP.has(entry)) visit(join(path, entry));
    } else if (stat.mtimeMs > newest) {
      newest = stat.mtimeMs;
    }
  };
  for (const path of paths) visit(join(root, path));
  return newest;
}

const stampOf = (name) => join(root, 'dist', `.built-${name}`);

export function isStale(name) {
  const stamp = stampOf(name);
  return !existsSync(stamp) || newestInput(TARGETS[name].inputs) > statSync(stamp).mtimeMs;
}

function build(name) {
  process.stderr.write(`Building the ${name} (its sources changed since the last build)…\n`);
  // The stamp's time is taken before the build: a file saved during the build makes the next start build again.
  const startedAt = new Date();
  const result = spawnSync('npm', ['run', '--silent', TARGETS[name].script], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(stampOf(name), `${startedAt.toISOString()}\n`);
  utimesSync(stampOf(name), startedAt, startedAt);
}

/**
 * One build at a time: processes started together (test files, a start beside a test run) would
 * otherwise compile into dist/ at once, and one could load a file another is rewriting. A waiter
 * checks again once it holds the lock, and finds the build done.
 */
function withBuildLock(work) {
  const lock = join(root, 'dist', '.build-lock');
  mkdirSync(join(root, 'dist'), { recursive: true });
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      if (!holderAlive(lock)) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`${lock} is still held; remove it if no build runs`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function holderAlive(lock) {
  let pid;
  try {
    pid = Number(readFileSync(join(lock, 'pid'), 'utf8'));
  } catch {
    // Made but not yet written: its holder is alive (a lock dir older than a minute without a pid is not).
    try {
      return Date.now() - statSync(lock).mtimeMs < 60_000;
    } catch {
      return false;
    }
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const names = process.argv.length > 2 ? process.argv.slice(2) : Object.keys(TARGETS);
  for (const name of names) {
    if (!(name in TARGETS)) {
      process.stderr.write(`Unknown build target "${name}"; known: ${Object.keys(TARGETS).join(', ')}\n`);
      process.exit(2);
    }
  }
  if (names.some(isStale)) {
    withBuildLock(() => {
      for (const name of names) if (isStale(name)) build(name);
    });
  }
}
