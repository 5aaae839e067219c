import type { Server } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { markDeliberateRefusal } from '../observability/request-log.js';

/**
 * The HTTP side of a graceful shutdown, in two steps. `begin`: every new request is refused at
 * once with 503 and `Connection: close` (never started, so nothing is half done; /health/ready
 * says not ready the same way), while the requests already taken run to their answer, commands
 * included. `finish`: once none is in flight and the clients have closed their connections (or
 * after IDLE_GRACE_MS, for keep-alive connections left idle), the server stops listening; past
 * the deadline whatever remains is cut.
 *
 * It does not stop listening at once: a connection the server had just accepted, whose request
 * had not arrived yet, would be closed under its client, a reset instead of an answer.
 */
export class HttpDrain {
  private draining = false;
  private inFlight = 0;

  /** An `onRequest` hook, added right after the request log. */
  readonly refuseWhileDraining = (request: FastifyRequest, reply: FastifyReply, done: () => void): void => {
    if (this.draining) {
      markDeliberateRefusal(request);
      void reply
        .header('Connection', 'close')
        .code(503)
        .send({ message: 'The service is shutting down: send this request again to another instance or after its restart' });
      return;
    }
    this.inFlight += 1;
    reply.raw.once('close', () => {
      this.inFlight -= 1;
    });
    done();
  };

  begin(): void {
    this.draining = true;
  }

  async finish(server: Server, timeoutMs: number): Promise<void> {
    this.begin();
    if (!server.listening) return;
    const deadline = Date.now() + timeoutMs;
    await until(() => this.inFlight === 0, deadline);
    const graceEnds = Math.min(deadline, Date.now() + IDLE_GRACE_MS);
    await until(async () => (await connections(server)) === 0, graceEnds);
    await new Promise<void>((resolve) => {
      const idle = setInterval(() => server.closeIdleConnections(), 50);
      const cut = setTimeout(() => server.closeAllConnections(), Math.max(0, deadline - Date.now()));
      server.close(() => {
        clearInterval(idle);
        clearTimeout(cut);
        resolve();
      });
    });
  }
}

/** How long idle keep-alive connections are left to their clients before they are closed. */
const IDLE_GRACE_MS = 1_000;

async function until(done: () => boolean | Promise<boolean>, deadline: number): Promise<void> {
  while (!(await done()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
}

const connections = (server: Server): Promise<number> =>
  new Promise((resolve) => server.getConnections((error, count) => resolve(error ? 0 : count)));
