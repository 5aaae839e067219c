// entry-points-only: nothing enters the page's code; the service only serves its build.
export type { default as pageCodegen } from '../../../web/codegen.js';
