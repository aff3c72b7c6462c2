// expect: TS2322 -- 'tv' is not a page view source
import { Tracker } from '../../src/index.js';
new Tracker({ endpoint: 'http://x', sessionId: 's' }).track(
  'PAGE_VIEW',
  { title: 't', viewDuration: 1, scrollDepth: 1, source: 'tv', viewport: { width: 1, height: 1 } },
);
