import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

// The image is never built here (no Docker engine), so its command is checked against what the
// build writes: the file the CMD runs must be one that `npm run build` (tsconfig.build.json)
// emits, at the path the image copies it to.

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

/** The files `tsc -p tsconfig.build.json` writes, relative to the project root. */
function buildOutputs(): Set<string> {
  const configFile = join(ROOT, 'tsconfig.build.json');
  const { config, error } = ts.readConfigFile(configFile, ts.sys.readFile);
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, ROOT, undefined, configFile);
  const { outDir, rootDir } = parsed.options;
  if (outDir === undefined || rootDir === undefined) throw new Error('tsconfig.build.json must set outDir and rootDir');
  return new Set(
    parsed.fileNames
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
      .map((file) => relative(ROOT, join(outDir, relative(rootDir, file))).replace(/\.ts$/, '.js')),
  );
}

/** The last instruction of the final stage with this keyword, in its exec (JSON) form. */
function lastInstruction(dockerfile: string, keyword: string): string[] {
  const lines = dockerfile.split('\n').filter((line) => line.trim().toUpperCase().startsWith(`${keyword} `));
  const last = lines.at(-1);
  if (last === undefined) throw new Error(`The Dockerfile has no ${keyword}`);
  return JSON.parse(last.trim().slice(keyword.length).trim()) as string[];
}

describe('the Docker image', () => {
  const dockerfile = read('Dockerfile');

  it('runs the entry point the build writes, where the image copies the build output', () => {
    // Given the command of the image and the working directory it runs in
    const [executable, script] = lastInstruction(dockerfile, 'CMD');
    const workdir = dockerfile.match(/^WORKDIR\s+(\S+)\s*$/gm)?.at(-1)?.split(/\s+/)[1];

    // Then it runs node on a file the build emits, which the final stage copies from the build stage
    expect(executable).toBe('node');
    expect(script).toBeDefined();
    expect(buildOutputs()).toContain(script);
    expect(existsSync(join(ROOT, script!.replace(/^dist\//, '').replace(/\.js$/, '.ts')))).toBe(true);
    const finalStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    expect(finalStage).toMatch(/^COPY --from=build \/app\/dist \.\/dist$/m);
    expect(workdir).toBe('/app');
  });

  it('runs the same entry point as npm start', () => {
    const [, script] = lastInstruction(dockerfile, 'CMD');
    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };

    expect(pkg.scripts['start']).toBe(`node ${script}`);
  });

  it('copies every folder the build compiles into the build stage', () => {
    const copied = [...dockerfile.matchAll(/^COPY (?!--from)(.+) \.\/?(\S*)$/gm)].flatMap((match) => match[1]!.split(/\s+/));
    for (const output of buildOutputs()) {
      const source = output.replace(/^dist\//, '');
      expect(copied.some((folder) => source.startsWith(`${folder.replace(/\/$/, '')}/`))).toBe(true);
    }
  });
});

describe('docker compose', () => {
  const compose = read('docker-compose.yml');

  it('pins the EventStoreDB server to one release, not a moving tag', () => {
    const image = compose.match(/^\s*image:\s*(\S+)\s*$/m)?.[1];

    expect(image).toMatch(/^eventstore\/eventstore:\d+\.\d+\.\d+(-[a-z0-9.-]+)?$/);
  });

  it('restarts both services after a crash or a reboot of the host', () => {
    const servicesSection = compose.slice(compose.indexOf('\nservices:')).split(/\n(?=\S)/)[1] ?? '';
    const services = servicesSection.split(/^ {2}(?=\S)/m).slice(1);
    const restart = Object.fromEntries(
      services.map((service) => [service.split(':')[0], service.match(/^\s+restart:\s*(\S+)\s*$/m)?.[1]]),
    );

    expect(restart).toMatchObject({ eventstore: 'unless-stopped', api: 'unless-stopped' });
  });
});
