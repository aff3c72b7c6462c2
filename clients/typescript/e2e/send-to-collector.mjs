// Sends typed events to a running collector with the built tracker (dist/): batched fetches, and a beacon as a browser
// sends one (a text/plain Blob). Run by end-to-end-tests' TypeScriptClientIT: node e2e/send-to-collector.mjs URL SESSION
// WRITE_KEY.
// Prints the eventIds it sent, one JSON array; exits 1 when the collector refused anything.
import { Tracker } from '../dist/index.js';

const [endpoint, session, writeKey] = process.argv.slice(2);
const errors = [];
const sent = [];
const common = { endpoint, writeKey, sessionId: session, path: () => '/perfumes/ts-client', window: null, onError: (e) => errors.push(e) };

const tracker = new Tracker({ ...common, batchSize: 3 });
const perfumeId = `${session}-p`;
sent.push(tracker.track('PERFUME_VIEW', {
  title: 'Oud Wood', viewDuration: 4200.5, scrollDepth: 70, source: 'search', viewport: { width: 1280, height: 720 },
}, { perfumeId, deviceType: 'desktop', userId: `${session}-u` }));
sent.push(tracker.track('NOTES_EXPANDED', { noteType: 'heart', expandDuration: 900 }, {
  perfumeId, pageScrollPosition: 300, timeOnPage: 5000,
}));
sent.push(tracker.track('SEARCH_PERFORMED', {
  query: 'oud', queryLength: 3, queryWords: ['oud'], filters: {}, resultsCount: 12, resultsShown: 10, hasResults: true,
  searchType: 'initial',
}));
sent.push(tracker.track('RECOMMENDATION_SHOWN', { algorithm: 'similar-notes', source: 'detail_page', position: 1 }, {
  perfumeId: `${session}-p2`, recommendationId: `${session}-r`,
}));
await tracker.flush();

// A page hide: the pending event goes as a beacon would (a text/plain Blob, no preflight).
const beacons = [];
const beaconing = new Tracker({
  ...common,
  sendBeacon: (url, blob) => {
    beacons.push(fetch(url, { method: 'POST', body: blob }).then(async (r) => {
      if (r.status !== 202) errors.push({ status: r.status, problem: await r.text() });
    }));
    return true;
  },
});
sent.push(beaconing.track('BACK_BUTTON', {}));
beaconing.beacon();
await Promise.all(beacons);

if (errors.length > 0) {
  console.error(JSON.stringify(errors, null, 2));
  process.exit(1);
}
console.log(JSON.stringify(sent.map((e) => ({ eventId: e.eventId, eventType: e.eventType }))));
