// expect: TS2345 -- no such event type
import { Tracker } from '../../src/index.js';
new Tracker({ endpoint: 'http://x', sessionId: 's' }).track('PAGE_EXPLODED', {});
