// Well-typed calls: `tsc -p test/tsconfig.json` must accept every one (npm test).
import { Tracker } from '../src/index.js';

const tracker = new Tracker({ endpoint: 'http://localhost:8080', sessionId: 'sess-1', path: () => '/perfumes/p-4' });

tracker.track(
  'PERFUME_VIEW',
  { title: 'Oud Wood', viewDuration: 1200.5, scrollDepth: 40, source: 'search', viewport: { width: 1280, height: 720 } },
  { perfumeId: 'p-4', deviceType: 'desktop' },
);
tracker.track('BACK_BUTTON', {});
tracker.track('FILTER_APPLIED', { anything: ['goes', 1] });
tracker.track('SEARCH_RESULT_CLICKED', { position: 0, perfumeId: 'p-4', searchId: 's-1' });
tracker.track(
  'RATING_COMPLETED',
  { ratings: { overall: 4.5 }, timeToComplete: 20, categoriesRated: 1, edited: false, source: 'prompt', hadPreviousRating: false },
  { perfumeId: 'p-4' },
);
tracker.track('RECOMMENDATION_SHOWN', { algorithm: 'similar-notes', source: 'homepage', position: 2 }, {
  perfumeId: 'p-9',
  recommendationId: 'rec-1',
});
tracker.track('IMAGE_VIEWED', { imageIndex: 1, zoomed: true }, { perfumeId: 'p-4', pageScrollPosition: 300, timeOnPage: 9000 });
tracker.track('USER_REGISTERED', { signupMethod: 'google' }, { userId: 'u-1' });
