import { createHash } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A name-based UUID, version 5 (RFC 9562 §5.5): the SHA-1 of the namespace's 16 bytes followed by
 * the name in UTF-8, cut to 16 bytes, with the version and variant bits set. The same namespace
 * and name always give the same id.
 */
export function uuidV5(name: string, namespace: string): string {
  if (!UUID.test(namespace)) throw new TypeError(`A UUID namespace must be a UUID, got "${namespace}"`);
  const bytes = createHash('sha1')
    .update(Buffer.from(namespace.replaceAll('-', ''), 'hex'))
    .update(name, 'utf8')
    .digest()
    .subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The id of the `index`th event decided by the `attempt`th try of one command execution: the
 * same events of the same try always get the same ids, so an append sent again (its outcome
 * unknown) is recognised by the store as the one it already holds, and each event names the
 * command that caused it.
 */
export function decidedEventId(commandId: string, attempt: number, index: number): string {
  return uuidV5(`${attempt}:${index}`, commandId);
}
