// npm run dev: the API recompiled on every save (tsc --watch) and the service restarted on every
// recompile (node --watch), with the page built once if its sources changed. Ctrl-C stops both.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const built = spawnSync(process.execPath, ['scripts/build-if-stale.mjs', 'web'], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const children = [];
const tsc = spawn(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json', '--watch', '--preserveWatchOutput'], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'inherit'],
});
children.push(tsc);
let service;
tsc.stdout.setEncoding('utf8').on('data', (chunk) => {
  process.stdout.write(chunk);
  // The first compile that ends without errors starts the service; node --watch restarts it on the next ones.
  if (service === undefined && /Found 0 errors/.test(chunk)) {
    service = spawn(process.execPath, ['--watch', 'dist/apps/api/src/main.js'], { cwd: root, stdio: 'inherit' });
    children.push(service);
    service.on('exit', (code) => stop(code ?? 0));
  }
});
tsc.on('exit', (code) => stop(code ?? 0));

let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
