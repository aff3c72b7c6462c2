// expect: TS2561 -- the context holds envelope fields only (a typo is caught)
import { Tracker } from '../../src/index.js';
new Tracker({ endpoint: 'http://x', sessionId: 's' }).track('BACK_BUTTON', {}, { perfumeID: 'p-4' });
