// What the end-to-end tests and tools may start: the whole service, configured as in production.
export { createApp, type CreateAppOptions, type TandemApp } from './bootstrap.js';
export { ConfigError, loadConfig, type AppConfig } from './config.js';
export { rebuildProjections } from './rebuild.js';
export { DataDirLockedError, lockDataDir } from './core/data-dir-lock.js';
export { servedSchema } from './schema.js';
export { configOrExit, runCli } from './cli.js';
export { exportLog, importLog, type ExportedEvent } from './tools/log-transfer.js';
export { backupDataDir } from './tools/backup.js';
