// The timeout of the tier this test file belongs to (jest.config.js), for every test and hook.
import { jest } from '@jest/globals';

jest.setTimeout(globalThis.TIER_TIMEOUT_MS);
