// The dashboard: one GraphQL query to the gateway every REFRESH_SECONDS, drawn with Apache ECharts.
// window.dashboard.points[chart] holds how many data points each chart shows (the browser test reads it).
const REFRESH_SECONDS = 10;
const HOUR = 3600e3;
const DAY = 24 * HOUR;

const QUERY = `query Dashboard($hFrom: String!, $hTo: String!, $dFrom: String!, $dTo: String!) {
  eventRate(from: $hFrom, to: $hTo, granularity: "hour") { totals { events } buckets { start events } }
  sessionMetrics(from: $hFrom, to: $hTo, granularity: "hour") { buckets { start figures { sessions bounceRate } } }
  trendingPerfumes(limit: 10) { items { rank trendingScore perfume { perfumeId features { name } } } }
  searchMetrics(from: $dFrom, to: $dTo, granularity: "day") { buckets { start outcomes { searches clickThroughRate } } }
  noResultQueries(from: $dFrom, to: $dTo, limit: 10) { items { query searches } }
  recommendationMetrics(from: $dFrom, to: $dTo) {
    byAlgorithm { value figures { impressions clickThroughRate } ctrInterval { lower upper } }
    byPosition { value figures { impressions clickThroughRate } ctrInterval { lower upper } }
  }
  segments(limit: 20) { items { number size share } }
  quality(from: $hFrom, to: $hTo, granularity: "hour", groupBy: "rule") {
    buckets { start figures { accepted rejected deadLettered } } groups { value totals { rejected } }
  }
  collectorJobs { ...job } sessionJobs { ...job } profileJobs { ...job } perfumeStatsJobs { ...job } recommendationJobs { ...job }
}
fragment job on JobStatus { service job lastStatus lastFinishedAt lastDurationMs nextScheduledAt }`;

const charts = {};
window.dashboard = { points: {}, refreshes: 0, errors: [] };
document.getElementById('every').textContent = REFRESH_SECONDS;

function variables(now = Date.now()) {
  const hour = Math.floor(now / HOUR) * HOUR;
  const day = Math.floor(now / DAY) * DAY;
  const iso = (t) => new Date(t).toISOString();
  return { hFrom: iso(hour - 23 * HOUR), hTo: iso(hour + HOUR), dFrom: iso(day - 6 * DAY), dTo: iso(day + DAY) };
}

function time(iso) {
  const d = new Date(iso);
  return `${String(d.getUTCHours()).padStart(2, '0')}:00`;
}

function date(iso) {
  return iso.slice(5, 10);
}

/** Draws a chart, or the chart's explanation when it has no data point. */
function draw(id, points, option) {
  window.dashboard.points[id] = points;
  const el = document.getElementById(id);
  if (points === 0) {
    charts[id]?.dispose();
    delete charts[id];
    el.innerHTML = `<div class="empty">${el.dataset.empty}</div>`;
    return;
  }
  if (!charts[id]) {
    el.innerHTML = '';
    charts[id] = echarts.init(el);
  }
  charts[id].setOption({ animation: false, grid: { left: 56, right: 56, top: 32, bottom: 40 }, tooltip: { trigger: 'axis' }, ...option }, true);
}

function ctrChart(id, values, label) {
  const shown = values.filter((v) => v.figures.impressions > 0);
  draw(id, shown.length, {
    legend: { top: 0 },
    xAxis: { type: 'category', data: shown.map((v) => label(v.value)) },
    yAxis: { type: 'value', name: 'CTR', axisLabel: { formatter: (v) => `${(v * 100).toFixed(0)}%` } },
    series: [
      { name: 'CTR', type: 'bar', data: shown.map((v) => v.figures.clickThroughRate ?? 0) },
      { name: '95% low', type: 'scatter', symbol: 'triangle', data: shown.map((v) => v.ctrInterval?.lower ?? null) },
      { name: '95% high', type: 'scatter', symbol: 'triangle', symbolRotate: 180, data: shown.map((v) => v.ctrInterval?.upper ?? null) },
    ],
  });
}

function render(d) {
  if (d.eventRate) {
    const b = d.eventRate.buckets;
    draw('eventRate', b.reduce((n, x) => n + (x.events > 0 ? 1 : 0), 0), {
      xAxis: { type: 'category', data: b.map((x) => time(x.start)) },
      yAxis: { type: 'value', name: 'events' },
      series: [{ name: 'events', type: 'line', areaStyle: {}, data: b.map((x) => x.events) }],
    });
  }
  if (d.sessionMetrics) {
    const b = d.sessionMetrics.buckets;
    draw('sessions', b.reduce((n, x) => n + (x.figures?.sessions > 0 ? 1 : 0), 0), {
      legend: { top: 0 },
      xAxis: { type: 'category', data: b.map((x) => time(x.start)) },
      yAxis: [{ type: 'value', name: 'sessions' }, { type: 'value', name: 'bounce', max: 1, axisLabel: { formatter: (v) => `${v * 100}%` } }],
      series: [
        { name: 'sessions', type: 'bar', data: b.map((x) => x.figures?.sessions ?? 0) },
        { name: 'bounce rate', type: 'line', yAxisIndex: 1, connectNulls: true, data: b.map((x) => x.figures?.bounceRate ?? null) },
      ],
    });
    // the bounce rate is over closed sessions only (30 idle minutes): its own count, so an empty line is seen
    window.dashboard.points.bounce = b.filter((x) => x.figures?.bounceRate != null).length;
  }
  if (d.trendingPerfumes) {
    const items = [...d.trendingPerfumes.items].reverse();
    draw('trending', items.length, {
      grid: { left: 140, right: 24, top: 16, bottom: 32 },
      xAxis: { type: 'value', name: 'score' },
      yAxis: { type: 'category', data: items.map((i) => i.perfume.features?.name ?? i.perfume.perfumeId) },
      series: [{ name: 'trendingScore', type: 'bar', data: items.map((i) => i.trendingScore) }],
    });
  }
  if (d.searchMetrics) {
    const b = d.searchMetrics.buckets ?? [];
    draw('searchCtr', b.filter((x) => x.outcomes?.searches > 0).length, {
      xAxis: { type: 'category', data: b.map((x) => date(x.start)) },
      yAxis: { type: 'value', name: 'CTR', axisLabel: { formatter: (v) => `${(v * 100).toFixed(0)}%` } },
      series: [{ name: 'search CTR', type: 'line', data: b.map((x) => x.outcomes?.clickThroughRate ?? null) }],
    });
  }
  if (d.noResultQueries) {
    const items = [...d.noResultQueries.items].reverse();
    draw('noResults', items.length, {
      grid: { left: 140, right: 24, top: 16, bottom: 32 },
      xAxis: { type: 'value', name: 'searches' },
      yAxis: { type: 'category', data: items.map((i) => i.query ?? '(empty)') },
      series: [{ name: 'searches', type: 'bar', data: items.map((i) => i.searches) }],
    });
  }
  if (d.recommendationMetrics) {
    ctrChart('recoAlgorithm', d.recommendationMetrics.byAlgorithm, (v) => v);
    ctrChart('recoPosition', d.recommendationMetrics.byPosition, (v) => (v === '(unknown)' ? v : `#${Number(v) + 1}`));
  }
  if (d.segments) {
    const items = d.segments.items;
    draw('segments', items.length, {
      xAxis: { type: 'category', data: items.map((s) => `segment ${s.number}`) },
      yAxis: { type: 'value', name: 'users' },
      series: [{ name: 'users', type: 'bar', data: items.map((s) => s.size) }],
    });
  }
  if (d.quality) {
    const b = d.quality.buckets;
    draw('quality', b.reduce((n, x) => n + (x.figures.accepted + x.figures.rejected + x.figures.deadLettered > 0 ? 1 : 0), 0), {
      legend: { top: 0 },
      xAxis: { type: 'category', data: b.map((x) => time(x.start)) },
      yAxis: [{ type: 'value', name: 'accepted' }, { type: 'value', name: 'rejected / dead-lettered' }],
      series: [
        { name: 'accepted', type: 'line', areaStyle: {}, data: b.map((x) => x.figures.accepted) },
        { name: 'rejected', type: 'bar', yAxisIndex: 1, data: b.map((x) => x.figures.rejected) },
        { name: 'dead-lettered', type: 'bar', yAxisIndex: 1, data: b.map((x) => x.figures.deadLettered) },
      ],
    });
    const rules = d.quality.groups.filter((g) => g.totals.rejected > 0).slice(0, 10).reverse();
    draw('qualityRules', rules.length, {
      grid: { left: 140, right: 24, top: 16, bottom: 32 },
      xAxis: { type: 'value', name: 'rejections' },
      yAxis: { type: 'category', data: rules.map((g) => g.value) },
      series: [{ name: 'rejections', type: 'bar', data: rules.map((g) => g.totals.rejected) }],
    });
  }
  renderJobs(d);
}

function renderJobs(d) {
  const jobs = ['collectorJobs', 'sessionJobs', 'profileJobs', 'perfumeStatsJobs', 'recommendationJobs'].flatMap((k) => d[k] ?? []);
  const body = document.querySelector('#jobs tbody');
  window.dashboard.points.jobs = jobs.length;
  if (jobs.length === 0) {
    body.innerHTML = '<tr><td colspan="6" class="empty">No job statuses (are the services up?).</td></tr>';
    return;
  }
  const cell = (text, cls = '') => {
    const td = document.createElement('td');
    td.textContent = text ?? '—';
    if (cls) td.className = cls;
    return td;
  };
  body.replaceChildren(...jobs.map((j) => {
    const tr = document.createElement('tr');
    tr.append(cell(j.service), cell(j.job), cell(j.lastStatus ?? 'never run', j.lastStatus ?? ''),
      cell(j.lastFinishedAt), cell(j.lastDurationMs == null ? null : `${j.lastDurationMs} ms`), cell(j.nextScheduledAt));
    return tr;
  }));
}

// The analyst token (issue 16, ADR 0063): the one signed in with (kept in this tab's sessionStorage), else the one the
// gateway hands out when configured to (NEWSMELL_DASHBOARD_TOKEN: ./scripts/up's local analyst token), else none: the
// sign-in form asks for one.
const TOKEN_KEY = 'newsmell.analystToken';

async function token() {
  let value = sessionStorage.getItem(TOKEN_KEY);
  if (!value) {
    const served = await fetch('/dashboard/token', { headers: { accept: 'application/json' } });
    value = served.status === 200 ? (await served.json()).token : null;
    if (value) sessionStorage.setItem(TOKEN_KEY, value);
  }
  return value;
}

function askForToken(message) {
  const form = document.getElementById('signin');
  form.hidden = false;
  document.getElementById('signinMessage').textContent = message;
}

document.getElementById('signin').addEventListener('submit', (e) => {
  e.preventDefault();
  const value = document.getElementById('token').value.trim().replace(/^bearer\s+/i, '');
  if (!value) return;
  sessionStorage.setItem(TOKEN_KEY, value);
  document.getElementById('signin').hidden = true;
  refresh();
});

async function refresh() {
  const status = document.getElementById('status');
  try {
    const bearer = await token();
    if (!bearer) {
      askForToken('Sign in with an analyst token (./scripts/up writes one to .data/credentials.env).');
      return;
    }
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${bearer}` },
      body: JSON.stringify({ query: QUERY, variables: variables() }),
    });
    if (response.status === 401 || response.status === 403) {
      sessionStorage.removeItem(TOKEN_KEY);
      askForToken(`The gateway refused the token (${response.status}): sign in with a valid analyst token.`);
      return;
    }
    const answer = await response.json();
    render(answer.data ?? {});
    window.dashboard.errors = answer.errors ?? [];
    status.textContent = answer.errors ? `Partial data: ${answer.errors.map((e) => e.message).join('; ')}` : '';
    status.className = answer.errors ? 'error' : '';
  } catch (e) {
    window.dashboard.errors = [String(e)];
    status.textContent = `The gateway did not answer (${e.message}); retrying.`;
    status.className = 'error';
  } finally {
    window.dashboard.refreshes += 1;
  }
  document.getElementById('refreshed').textContent = new Date().toLocaleTimeString();
}

window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));
refresh();
setInterval(refresh, REFRESH_SECONDS * 1000);
