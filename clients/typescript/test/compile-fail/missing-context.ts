// expect: TS2554 -- PERFUME_VIEW's context (its perfumeId) is required
import { Tracker } from '../../src/index.js';
new Tracker({ endpoint: 'http://x', sessionId: 's' }).track('PERFUME_VIEW', {
  title: 't',
  viewDuration: 1,
  scrollDepth: 1,
  source: 'direct',
  viewport: { width: 1, height: 1 },
});
