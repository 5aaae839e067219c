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
  // Guards whose argument at this index is used only inside the message they throw with
  // (what the caller tried, what a closed aggregate can no longer do, what a code must be).
  ['requireCode', 2],
  ['requireDealOwner', 1],
  ['requireOpenDeal', 2],
  ['requireGoalOwner', 1],
  ['requireParticipant', 1],
  ['requireOpen', 1],
]);

/** Options of a guard that only word its message: requireCodes(codes, field, { what }). */
const MESSAGE_OPTION = new Map([['requireCodes', 'what']]);

const REASON = 'message text: only the words of an error message change';

function calleeName(call) {
  if (!call || (!call.isCallExpression() && !call.isNewExpression())) return undefined;
  return call.node.callee.type === 'Identifier' ? call.node.callee.name : undefined;
}

function isMessageArgument(argument) {
  const name = calleeName(argument.parentPath);
  return name !== undefined && argument.parentPath.node.arguments[MESSAGE_ARGUMENT.get(name)] === argument.node;
}

function isMessageOption(property) {
  if (!property.isObjectProperty() || property.node.key.type !== 'Identifier') return false;
  const options = property.parentPath;
  const name = calleeName(options.parentPath);
  return name !== undefined && MESSAGE_OPTION.get(name) === property.node.key.name && options.listKey === 'arguments';
}

/** A string or template literal that is a message, a branch of a choice of messages, or a message part. */
function isMessageText(path) {
  if (!path.isStringLiteral() && !path.isTemplateLiteral()) return false;
  if (path.parentPath.isObjectProperty() && path.key === 'value') return isMessageOption(path.parentPath);
  const argument = path.parentPath.isConditionalExpression() && path.key !== 'test' ? path.parentPath : path;
  return isMessageArgument(argument);
}

export const strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, 'message-text', {
    shouldIgnore: (path) => (isMessageText(path) ? REASON : undefined),
  }),
];
