// Issue 16 (ADR 0060): the official SDKs, unmodified from npm, against a running event-collector. Each SDK sends a few
// calls under ids of its own; the last line printed is JSON naming them, and OfficialSdkTest (event-collector, run by
// ./mvnw verify) reads the raw store back. Needs COLLECTOR_URL and WRITE_KEY; CHROMIUM (default /usr/bin/chromium) for
// analytics-next, which is loaded from this package's node_modules into a page of another origin (PAGE_ORIGIN, served
// here on 127.0.0.1), told to fetch its settings from the collector (cdnURL) and so posts cross-origin with
// BROWSER_WRITE_KEY (a web key that allows PAGE_ORIGIN). analytics-node also sends a batch whose first answer is lost
// (its public httpClient option), so that it retries it: the collector must count it once.
import { Analytics } from '@segment/analytics-node';
import RudderAnalytics from '@rudderstack/rudder-sdk-node';
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { createServer } from 'node:http';

const collector = process.env.COLLECTOR_URL;
const writeKey = process.env.WRITE_KEY;
const run = process.env.RUN ?? `${Date.now()}`;
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const browserKey = process.env.BROWSER_WRITE_KEY ?? writeKey;
const pageOrigin = process.env.PAGE_ORIGIN ?? collector;
if (!collector || !writeKey) throw new Error('COLLECTOR_URL and WRITE_KEY are required');
const problems = [];

async function segmentNode() {
  const anonymousId = `node-${run}`;
  const analytics = new Analytics({ writeKey, host: collector, flushInterval: 200, maxRetries: 1 });
  analytics.on('http_request', (r) => r.status && r.status !== 200 && problems.push(`analytics-node HTTP ${r.status}`));
  analytics.on('error', (e) => problems.push(`analytics-node: ${e.code ?? e.message ?? e}`));
  const timestamp = new Date(Date.now() - 60_000);
  analytics.page({ anonymousId, name: 'Home', context: { page: { path: '/home' } }, timestamp });
  analytics.track({ anonymousId, event: 'Product Viewed', messageId: `msg-${run}`,
    properties: { product_id: `p-${run}`, name: 'Oud Wood' }, context: { page: { path: '/perfumes/oud' } }, timestamp });
  analytics.track({ anonymousId, event: 'Products Searched', properties: { query: 'oud' } });
  analytics.identify({ anonymousId, userId: `user-node-${run}`, traits: { email: 'someone@example.com' } });
  await analytics.closeAndFlush({ timeout: 20_000 });
  return { anonymousId, messageId: `msg-${run}`, timestamp: timestamp.toISOString() };
}

// The first request reaches the collector, but its answer is lost on the way back: the SDK sends the batch again.
async function segmentNodeRetried() {
  const anonymousId = `retried-${run}`;
  let attempts = 0;
  const httpClient = {
    async makeRequest({ url, method, headers, body }) {
      attempts += 1;
      const response = await fetch(url, { method, headers, body });
      if (attempts > 1) return response;
      await response.arrayBuffer();
      throw new Error(`the answer (${response.status}) was lost`);
    },
  };
  const analytics = new Analytics({ writeKey, host: collector, flushInterval: 200, maxRetries: 3, httpClient });
  analytics.on('error', (e) => problems.push(`analytics-node (retried): ${e.code ?? e.message ?? e}`));
  analytics.track({ anonymousId, event: 'Product Viewed', messageId: `retried-view-${run}`,
    properties: { product_id: `p-${run}` } });
  analytics.page({ anonymousId, name: 'Home', messageId: `retried-page-${run}`, context: { page: { path: '/home' } } });
  await analytics.closeAndFlush({ timeout: 20_000 });
  return { anonymousId, attempts };
}

async function rudderNode() {
  const anonymousId = `rudder-${run}`;
  const client = new RudderAnalytics(writeKey, {
    dataPlaneUrl: collector, gzip: true, flushAt: 20, flushInterval: 200, retryCount: 0, logLevel: 'error',
    errorHandler: (e) => problems.push(`rudder-sdk-node: ${e?.message ?? e}`),
  });
  client.track({ anonymousId, event: 'Product Added to Wishlist', properties: { sku: `p-${run}` } });
  client.page({ anonymousId, name: 'Wishlist', properties: { path: '/wishlist' } });
  client.alias({ previousId: anonymousId, userId: `user-rudder-${run}` });
  await client.flush();
  return { anonymousId };
}

async function segmentBrowser() {
  const require = createRequire(import.meta.url);
  const umd = dirname(require.resolve('@segment/analytics-next/dist/umd/index.js'));
  // The shop's page, from a server of its own on 127.0.0.1 (PAGE_ORIGIN): a page Playwright fulfilled itself has no
  // address, and Chromium's Local Network Access would refuse its cross-origin requests to the collector on localhost.
  const shop = createServer((request, response) => {
    const script = request.url === '/shop/analytics.js';
    response.writeHead(200, { 'Content-Type': script ? 'text/javascript' : 'text/html' });
    response.end(script ? readFileSync(join(umd, 'index.js'))
      : '<!doctype html><html><head><title>Shop</title><script src="/shop/analytics.js"></script></head><body>oud</body></html>');
  });
  const { hostname, port } = new URL(pageOrigin);
  await new Promise((resolve) => shop.listen(Number(port), hostname, resolve));
  const profile = mkdtempSync(join(tmpdir(), 'sdk-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath, headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
    // The SDK's own chunks come from this package; everything else goes to the collector unchanged.
    await page.route('**/analytics-next/bundles/*', (route) => route.fulfill({ contentType: 'text/javascript',
      body: readFileSync(join(umd, new URL(route.request().url()).pathname.split('/').pop())) }));
    page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.request().method()} ${r.url()}`));
    await page.goto(`${pageOrigin}/shop/perfumes/oud?run=${run}`, { waitUntil: 'load' });
    return await page.evaluate(async ({ writeKey, cdnURL, run }) => {
      const [analytics] = await window.AnalyticsNext.AnalyticsBrowser.load({ writeKey, cdnURL });
      const page = await analytics.page('Oud');
      const track = await analytics.track('Product Viewed', { product_id: `p-${run}` });
      const identify = await analytics.identify(`user-browser-${run}`);
      const failed = [page, track, identify].filter((ctx) => ctx.failedDelivery()).map((ctx) => ctx.event.type);
      return { anonymousId: analytics.user().anonymousId(), userId: `user-browser-${run}`, failed,
        origin: window.location.origin };
    }, { writeKey: browserKey, cdnURL: collector, run });
  } finally {
    await context.close();
    shop.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

async function reported(name, sdk) {
  try {
    return await sdk();
  } catch (e) {
    problems.push(`${name}: ${e?.message ?? e}`);
    return { failed: [] };
  }
}

const result = { node: await reported('analytics-node', segmentNode),
  retried: await reported('analytics-node (retried)', segmentNodeRetried),
  rudder: await reported('rudder-sdk-node', rudderNode), browser: await reported('analytics-next', segmentBrowser) };
result.browser.failed.forEach((type) => problems.push(`analytics-next could not deliver its ${type}`));
result.problems = problems;
console.log(JSON.stringify(result));
