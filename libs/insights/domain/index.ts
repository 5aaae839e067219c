export * from './attribution.js';
export * from './date-window.js';
export * from './goal-progress.js';
export * from './ratio.js';
export * from './reason-insights.js';
