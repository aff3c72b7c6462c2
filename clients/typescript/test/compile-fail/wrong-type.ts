// expect: TS2322 -- a rating is a number
import { Tracker } from '../../src/index.js';
new Tracker({ endpoint: 'http://x', sessionId: 's' }).track('REVIEW_SUBMITTED', { rating: 'five' }, { perfumeId: 'p' });
