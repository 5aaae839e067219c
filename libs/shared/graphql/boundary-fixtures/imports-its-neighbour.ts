// layer-order: libs/shared/graphql and libs/shared/application share a layer, so neither imports the other.
export type { CommandRunner } from '#shared/application';
