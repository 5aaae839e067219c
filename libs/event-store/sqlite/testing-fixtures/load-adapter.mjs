// A child Node process cannot run TypeScript, so the event store sources (the port and the SQLite
// adapter) and the #sqlite lib they open their file with, nothing else, are transpiled into plain
// ES modules in a folder of the caller's choice, which then imports the real adapter from there.
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const eventStoreDir = fileURLToPath(new URL('../../', import.meta.url));
const projectDir = fileURLToPath(new URL('../../../../', import.meta.url));

const compilerOptions = {
  module: ts.ModuleKind.ESNext,
  target: ts.ScriptTarget.ES2022,
  useDefineForClassFields: false,
  esModuleInterop: true,
};

/** Transpiles the adapter into `outDir` and returns the module of libs/event-store/sqlite/index.ts. */
export async function loadSqliteAdapter(outDir) {
  const folders = [
    [eventStoreDir, ''],
    [join(eventStoreDir, 'sqlite'), 'sqlite'],
    [join(projectDir, 'libs', 'sqlite'), 'sqlite-lib'],
  ];
  for (const [from, to] of folders) {
    mkdirSync(join(outDir, to), { recursive: true });
    for (const name of readdirSync(from)) {
      if (!name.endsWith('.ts') || /[.-]spec\.ts$/.test(name)) continue;
      const source = readFileSync(join(from, name), 'utf8');
      const { outputText } = ts.transpileModule(source, { compilerOptions, fileName: name });
      writeFileSync(join(outDir, to, name.replace(/\.ts$/, '.js')), outputText);
    }
  }
  writeFileSync(join(outDir, 'package.json'), JSON.stringify({ type: 'module', imports: { '#sqlite': './sqlite-lib/index.js' } }));
  // better-sqlite3 is resolved from the project, as the adapter would be.
  symlinkSync(join(projectDir, 'node_modules'), join(outDir, 'node_modules'), 'dir');
  return import(pathToFileURL(join(outDir, 'sqlite', 'index.js')).href);
}
