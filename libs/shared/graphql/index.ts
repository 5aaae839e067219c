export * from './enums.js';
export * from './pagination.js';
export * from './request-context.js';
export * from './scalars.js';
export * from './loaders.js';
export * from './versioned.input.js';
export * from './endorsement.model.js';
