// Issue 16 (ADR 0060): the official SDKs, unmodified from npm, against a running event-collector. Each SDK sends a few
// calls under ids of its own; the last line printed is JSON naming them, and OfficialSdkTest (event-collector, run by
// ./mvnw verify) reads the raw store back. Needs COLLECTOR_URL and WRITE_KEY; CHROMIUM (default /usr/bin/chromium) for
// analytics-next, which is loaded from this package's node_modules into a page of the collector's own origin (served
// by page.route) and told to fetch its settings from the collector (cdnURL).
import { Analytics } from '@segment/analytics-node';
import RudderAnalytics from '@rudderstack/rudder-sdk-node';
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

const collector = process.env.COLLECTOR_URL;
const writeKey = process.env.WRITE_KEY;
const run = process.env.RUN ?? `${Date.now()}`;
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
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
    // The page and the SDK's own chunks come from this package; everything else goes to the collector unchanged.
    await page.route(`${collector}/shop/**`, (route) => route.fulfill({ contentType: 'text/html',
      body: '<!doctype html><html><head><title>Shop</title><script src="/shop/analytics.js"></script></head><body>oud</body></html>' }));
    await page.route(`${collector}/shop/analytics.js`, (route) => route.fulfill({ contentType: 'text/javascript',
      body: readFileSync(join(umd, 'index.js')) }));
    await page.route('**/analytics-next/bundles/*', (route) => route.fulfill({ contentType: 'text/javascript',
      body: readFileSync(join(umd, new URL(route.request().url()).pathname.split('/').pop())) }));
    await page.goto(`${collector}/shop/perfumes/oud?run=${run}`, { waitUntil: 'load' });
    return await page.evaluate(async ({ writeKey, cdnURL, run }) => {
      const [analytics] = await window.AnalyticsNext.AnalyticsBrowser.load({ writeKey, cdnURL });
      const page = await analytics.page('Oud');
      const track = await analytics.track('Product Viewed', { product_id: `p-${run}` });
      const identify = await analytics.identify(`user-browser-${run}`);
      const failed = [page, track, identify].filter((ctx) => ctx.failedDelivery()).map((ctx) => ctx.event.type);
      return { anonymousId: analytics.user().anonymousId(), userId: `user-browser-${run}`, failed };
    }, { writeKey, cdnURL: collector, run });
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

const result = { node: await segmentNode(), rudder: await rudderNode(), browser: await segmentBrowser() };
result.browser.failed.forEach((type) => problems.push(`analytics-next could not deliver its ${type}`));
result.problems = problems;
console.log(JSON.stringify(result));
