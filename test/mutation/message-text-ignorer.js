// A StrykerJS ignore-plugin: leaves out the mutants that only change an error message's words.
// What a refusal says is for people; what the specs judge is that it happens, with which error
// code and field. Everything else in a throw (the condition, the code, the field) stays mutated.
import { declareValuePlugin, PluginKind } from '@stryker-mutator/api/plugin';

/** Where each refusal takes its message: the argument index per callee. */
const MESSAGE_ARGUMENT = new Map([
  // #shared's DomainError helpers
  ['invalidInput', 1],
  ['conflict', 0],
  ['forbidden', 0],
  ['notFound', 0],
  ['DomainError', 1],
  // the built-in errors
  ['Error', 0],
  ['RangeError', 0],
  ['TypeError', 0],
]);

const REASON = 'message text: only the words of an error message change';

/** A string or template literal that is a refusal's message, or one branch of a choice of messages. */
function isMessageText(path) {
  if (!path.isStringLiteral() && !path.isTemplateLiteral()) return false;
  const argument = path.parentPath.isConditionalExpression() && path.key !== 'test' ? path.parentPath : path;
  const call = argument.parentPath;
  if (!call || (!call.isCallExpression() && !call.isNewExpression()) || call.node.callee.type !== 'Identifier') return false;
  return call.node.arguments[MESSAGE_ARGUMENT.get(call.node.callee.name)] === argument.node;
}

export const strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, 'message-text', {
    shouldIgnore: (path) => (isMessageText(path) ? REASON : undefined),
  }),
];
