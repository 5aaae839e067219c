// The unit specs that judge the code computing what users see: the tier `npm run test:mutation`
// runs (StrykerJS, see stryker.config.js) against every mutant. Only the domain folders' specs:
// they are pure, fast and stand alone, and they are the specs the mutated files answer to.
import { shared } from './jest.config.js';

export default {
  ...shared,
  displayName: 'unit (mutation)',
  testMatch: ['<rootDir>/libs/*/domain/**/*.spec.ts'],
};
