import { Controller, ForbiddenException, Get, Header, Inject, NotFoundException, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { DevCredentials } from '#identity';
import type { AppConfig } from '../config.js';
import { APP_CONFIG, DEV_CREDENTIALS } from '../core/tokens.js';

/**
 * The development tokens for the page's sign-in picker: only outside production, only those this
 * service made itself at start (never a tokens file found in the data directory), and only to a
 * browser on this machine. The Host check keeps a page of another site that rebinds its own name
 * to 127.0.0.1 from reading them.
 */
@Controller('dev-tokens')
export class DevTokensController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DEV_CREDENTIALS) private readonly credentials: DevCredentials | null,
  ) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  tokens(@Req() request: FastifyRequest): Readonly<Record<string, string>> {
    if (this.config.production || this.credentials === null) {
      throw new NotFoundException(
        'No development tokens: this service has its own auth configuration (AUTH_JWT_SECRET or AUTH_JWKS_URL) or runs in production',
      );
    }
    if (!isLoopbackAddress(request.socket.remoteAddress) || !isLoopbackHost(request.headers.host)) {
      throw new ForbiddenException('Development tokens are handed out only to a browser on this machine, at localhost or 127.0.0.1');
    }
    return this.credentials.tokens;
  }
}

export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return v4 === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

export function isLoopbackHost(host: string | undefined): boolean {
  if (host === undefined) return false;
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d+$/, '');
  return name === 'localhost' || name.endsWith('.localhost') || name === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}
