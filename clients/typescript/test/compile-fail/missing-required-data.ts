// expect: TS2345 -- SEARCH_RESULT_CLICKED needs position
import { Tracker } from '../../src/index.js';
new Tracker({ endpoint: 'http://x', sessionId: 's' }).track('SEARCH_RESULT_CLICKED', { perfumeId: 'p-4' });
