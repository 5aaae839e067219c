/**
 * A start that cannot go on, for a reason the person starting it can fix: the message is one line
 * that names the variable or resource at fault and what to do about it.
 */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}
