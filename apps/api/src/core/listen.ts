import { createServer } from 'node:net';
import { StartupError } from './startup-error.js';

/**
 * Tries PORT on HOST before anything else is opened, so that a busy port or an address this
 * machine does not have is said at once, in one line, instead of after the stores are open.
 */
export function checkListenable(port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (error) => reject(listenError(error, port, host)));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve()));
  });
}

/** What a failed listen means for the person starting the service. */
export function listenError(error: unknown, port: number, host: string): Error {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EADDRINUSE':
      return new StartupError(`PORT ${port} is in use on ${host}: stop what listens there or set PORT to a free port (0 picks one)`);
    case 'EACCES':
      return new StartupError(`PORT ${port} needs privileges this user lacks: set PORT to 1024 or above`);
    case 'EADDRNOTAVAIL':
      return new StartupError(`HOST ${host} is not an address of this machine: set HOST to one of its addresses, such as 127.0.0.1 or 0.0.0.0`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_FAIL':
      return new StartupError(`HOST ${host} does not resolve to an address: set HOST to an address of this machine, such as 127.0.0.1 or 0.0.0.0`);
    default:
      return error instanceof Error ? error : new Error(String(error));
  }
}
