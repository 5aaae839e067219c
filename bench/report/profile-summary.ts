import { readFileSync } from 'node:fs';
import { runCli } from '#api';

// node dist/bench/report/profile-summary.js <file.cpuprofile> [count]
// The functions a V8 CPU profile (node --cpu-prof, or npm run bench -- --profile <dir>) spent
// the most time in themselves, and the modules they belong to: enough to say what limits a figure.

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export function selfTimes(profile: CpuProfile): { frames: [string, number][]; modules: [string, number][] } {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const byNode = new Map<number, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    byNode.set(id, (byNode.get(id) ?? 0) + delta);
    total += delta;
  });
  const frames = new Map<string, number>();
  const modules = new Map<string, number>();
  for (const [id, time] of byNode) {
    const { functionName, url, lineNumber } = nodes.get(id)!.callFrame;
    const file = url.replace(/^file:\/\/.*?\/(dist|node_modules)\//, '$1/');
    const frame = `${functionName || '(anonymous)'} ${file}${file ? `:${lineNumber + 1}` : ''}`;
    frames.set(frame, (frames.get(frame) ?? 0) + time);
    const module = file.startsWith('node_modules/') ? file.split('/').slice(0, file.split('/')[1]!.startsWith('@') ? 3 : 2).join('/') : file || functionName;
    modules.set(module, (modules.get(module) ?? 0) + time);
  }
  const share = (entries: Map<string, number>): [string, number][] => [...entries].map(([key, time]): [string, number] => [key, time / total]).sort((a, b) => b[1] - a[1]);
  return { frames: share(frames), modules: share(modules) };
}

async function main(): Promise<void> {
  const [file, count = '20'] = process.argv.slice(2);
  if (file === undefined) throw new Error('Usage: node dist/bench/report/profile-summary.js <file.cpuprofile> [count]');
  const { frames, modules } = selfTimes(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile);
  const percent = (value: number) => `${(value * 100).toFixed(1).padStart(5)}%`;
  const lines = [
    'self time by function:',
    ...frames.slice(0, Number(count)).map(([frame, value]) => `${percent(value)}  ${frame}`),
    '',
    'self time by file or package:',
    ...modules.slice(0, Number(count)).map(([module, value]) => `${percent(value)}  ${module}`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

runCli(main);
