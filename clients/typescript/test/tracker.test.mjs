// The tracker's behaviour with a fake fetch, window and sendBeacon (no network): batching, retries, beacons.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Tracker } from '../dist/index.js';

function fakeFetch(answers) {
  const calls = [];
  const fetch = async (url, init) => {
    calls.push({ url, body: JSON.parse(init.body), headers: init.headers });
    const a = answers.shift() ?? { status: 202 };
    return new Response(a.body ?? '{}', { status: a.status, headers: a.headers ?? {} });
  };
  return { fetch, calls };
}

let n = 0;
const options = (extra) => ({
  endpoint: 'http://collector.test/',
  sessionId: 'sess-1',
  path: () => '/p',
  uuid: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  flushIntervalMs: 10_000,
  retryDelayMs: 1,
  window: null,
  ...extra,
});

test('events are batched: batchSize events make one POST to /v1/events/batch', async () => {
  const { fetch, calls } = fakeFetch([]);
  const tracker = new Tracker(options({ fetch, batchSize: 3 }));
  for (let i = 0; i < 3; i++) tracker.track('BACK_BUTTON', {});
  await tracker.flush();
  assert.equal(calls.length, 1);
  assert.equal(calls[0].url, 'http://collector.test/v1/events/batch');
  assert.equal(calls[0].body.events.length, 3);
  const e = calls[0].body.events[0];
  assert.equal(e.eventType, 'BACK_BUTTON');
  assert.equal(e.sessionId, 'sess-1');
  assert.equal(e.path, '/p');
  assert.match(e.eventId, /^[0-9a-f-]{36}$/);
  assert.equal(e.schemaVersion, '2-2-0'); // the SchemaVer the types were generated from (ADR 0040)
  assert.ok(e.sentAt && e.timestamp);
});

test('a 503 is retried after its Retry-After with the same eventIds', async () => {
  const { fetch, calls } = fakeFetch([{ status: 503, headers: { 'retry-after': '0' } }, { status: 202 }]);
  const tracker = new Tracker(options({ fetch }));
  tracker.track('PERFUME_VIEW', { title: 't', viewDuration: 1, scrollDepth: 2, source: 'direct', viewport: { width: 1, height: 1 } }, { perfumeId: 'p-4' });
  await tracker.flush();
  assert.equal(calls.length, 2);
  assert.deepEqual(calls[1].body.events.map((e) => e.eventId), calls[0].body.events.map((e) => e.eventId));
  assert.equal(calls[1].body.events[0].perfumeId, 'p-4');
});

test('a batch is given up after maxAttempts and reported; a 400 is reported and not retried', async () => {
  const errors = [];
  const { fetch, calls } = fakeFetch([{ status: 503 }, { status: 503 }, { status: 400, body: '{"status":400}' }]);
  const tracker = new Tracker(options({ fetch, maxAttempts: 2, onError: (e) => errors.push(e) }));
  tracker.track('BACK_BUTTON', {});
  await tracker.flush();
  tracker.track('BACK_BUTTON', {});
  await tracker.flush();
  assert.equal(calls.length, 3);
  assert.deepEqual(errors.map((e) => e.status), [503, 400]);
  assert.deepEqual(errors[1].problem, { status: 400 });
});

test('on page hide the queue is sent with sendBeacon, as text/plain', async () => {
  const listeners = {};
  const window = { addEventListener: (type, f) => { listeners[type] = f; }, document: { visibilityState: 'visible' } };
  const beacons = [];
  const { fetch, calls } = fakeFetch([]);
  const tracker = new Tracker(options({ fetch, window, sendBeacon: (url, blob) => { beacons.push({ url, blob }); return true; } }));
  tracker.track('BACK_BUTTON', {});
  tracker.track('EXTERNAL_LINK', { href: 'https://example.com' });
  listeners.pagehide();
  assert.equal(beacons.length, 1);
  assert.equal(beacons[0].url, 'http://collector.test/v1/events/batch');
  assert.equal(beacons[0].blob.type, 'text/plain');
  const sent = JSON.parse(await beacons[0].blob.text());
  assert.deepEqual(sent.events.map((e) => e.eventType), ['BACK_BUTTON', 'EXTERNAL_LINK']);
  await tracker.flush();
  assert.equal(calls.length, 0, 'nothing is sent twice');
});

test('a refused beacon falls back to fetch; visibilitychange to hidden sends too', async () => {
  const listeners = {};
  const window = { addEventListener: (type, f) => { listeners[type] = f; }, document: { visibilityState: 'hidden' } };
  const { fetch, calls } = fakeFetch([]);
  const tracker = new Tracker(options({ fetch, window, sendBeacon: () => false }));
  tracker.track('BACK_BUTTON', {});
  listeners.visibilitychange();
  await tracker.flush();
  assert.equal(calls.length, 1);
});

test('the write key goes as the Basic-auth user name, and in the URL of a beacon (issue 16)', async () => {
  const { fetch, calls } = fakeFetch([]);
  const beacons = [];
  const tracker = new Tracker(options({
    fetch, writeKey: 'nsk_k+y', sendBeacon: (url, blob) => { beacons.push({ url, blob }); return true; },
  }));
  tracker.track('BACK_BUTTON', {});
  await tracker.flush();
  assert.equal(calls[0].headers.authorization, `Basic ${Buffer.from('nsk_k+y:').toString('base64')}`);
  tracker.track('BACK_BUTTON', {});
  tracker.beacon();
  assert.equal(beacons[0].url, 'http://collector.test/v1/events/batch?writeKey=nsk_k%2By');
});

test('a 429 is retried after its Retry-After (issue 16)', async () => {
  const { fetch, calls } = fakeFetch([{ status: 429, headers: { 'retry-after': '0' } }, { status: 202 }]);
  const errors = [];
  const tracker = new Tracker(options({ fetch, onError: (e) => errors.push(e) }));
  tracker.track('BACK_BUTTON', {});
  await tracker.flush();
  assert.equal(calls.length, 2);
  assert.equal(calls[1].body.events[0].eventId, calls[0].body.events[0].eventId);
  assert.equal(errors.length, 0);
});
