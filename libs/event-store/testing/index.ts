// The contract every event store adapter passes, run by each adapter's *.contract-spec.ts.
export { describeEventStoreContract, type ContractFixtures, type ContractOptions, type ContractStoreFactory } from './event-store-contract.js';
export { eventsOf, includesEvent, SubscriptionReader, type MessagesCondition } from './subscription-reader.js';
