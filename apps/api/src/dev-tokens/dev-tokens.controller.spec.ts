import { describe, expect, it } from '@jest/globals';
import { isLoopbackAddress, isLoopbackHost } from './dev-tokens.controller.js';

describe('who may be handed development tokens', () => {
  it.each(['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1'])('a connection from %s is on this machine', (address) => {
    expect(isLoopbackAddress(address)).toBe(true);
  });

  it.each([undefined, '10.0.0.5', '::ffff:192.168.1.2', 'fe80::1', '128.0.0.1'])('a connection from %s is not', (address) => {
    expect(isLoopbackAddress(address)).toBe(false);
  });

  it.each(['localhost', 'localhost:3000', 'app.localhost:8080', '127.0.0.1', '127.0.0.1:3000', '[::1]', '[::1]:3000'])('Host %s names this machine', (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });

  it.each([undefined, '', 'evil.example', 'localhost.evil.example', '127.0.0.1.nip.io:3000', '[::2]:3000', 'localhostx'])('Host %s does not', (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });
});
