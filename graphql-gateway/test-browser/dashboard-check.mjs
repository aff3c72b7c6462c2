// The dashboard in headless Chromium (Debian's /usr/bin/chromium driven by playwright-core; never a downloaded
// browser): loads GATEWAY_URL/dashboard, waits until every chart has data points, fails on any console error, and
// keeps a screenshot at SCREENSHOT. Run by the end-to-end module (DashboardBrowserIT) against the running system.
// The page's analyst token (ADR 0063): the one the gateway hands out (NEWSMELL_DASHBOARD_TOKEN, as ./scripts/up and the
// end-to-end tests start it), or NEWSMELL_ANALYST_TOKEN's, signed in before the page loads.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CHARTS = ['eventRate', 'sessions', 'bounce', 'trending', 'searchCtr', 'noResults', 'recoAlgorithm', 'recoPosition', 'segments', 'quality', 'qualityRules', 'jobs'];
const gateway = process.env.GATEWAY_URL ?? 'http://localhost:4000';
const screenshot = process.env.SCREENSHOT ?? 'dashboard.png';
const timeout = Number(process.env.TIMEOUT_MS ?? 60000);
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const token = process.env.NEWSMELL_ANALYST_TOKEN;

const profile = mkdtempSync(join(tmpdir(), 'dashboard-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: true,
  viewport: { width: 1440, height: 900 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const problems = [];
let points = {};
try {
  if (token) await context.addInitScript((t) => sessionStorage.setItem('newsmell.analystToken', t), token);
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  const response = await page.goto(`${gateway}/dashboard`, { waitUntil: 'load' });
  if (response.status() !== 200) problems.push(`GET /dashboard answered ${response.status()}`);
  try {
    await page.waitForFunction(
      (charts) => window.dashboard && window.dashboard.refreshes > 0 && charts.every((c) => window.dashboard.points[c] > 0),
      CHARTS, { timeout, polling: 500 });
  } catch {
    // reported below with the charts that stayed empty
  }
  if (await page.isVisible('#signin')) {
    problems.push('the dashboard asks for a token: set NEWSMELL_ANALYST_TOKEN, or start the gateway with NEWSMELL_DASHBOARD_TOKEN');
  }
  points = await page.evaluate(() => window.dashboard?.points ?? {});
  const errors = await page.evaluate(() => window.dashboard?.errors ?? []);
  errors.forEach((e) => problems.push(`GraphQL error: ${e.message ?? e}`));
  CHARTS.filter((c) => !(points[c] > 0)).forEach((c) => problems.push(`chart ${c} has no data point`));
  await page.screenshot({ path: screenshot, fullPage: true });
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(JSON.stringify({ points, screenshot, problems }));
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('dashboard: every chart has data, no console error');
