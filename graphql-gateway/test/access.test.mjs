// The gateway's access rules (issue 16, ADR 0063): the caller's Authorization goes to the subgraphs, /graphql without
// a bearer token is refused with the services' 401 problem, a subgraph's refusal is the answer, the dashboard's token
// is handed out only when configured.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forwardedHeaders, useBearerRequired, useSubgraphRefusals } from '../access.mjs';
import { gatewayConfig } from '../gateway.config.mjs';

const fetchAPI = { Response };

/** What the plugin answers for a request, or undefined when it lets the request through. */
async function answer(plugin, path, { method = 'POST', authorization } = {}) {
  const url = new URL(`http://gateway${path}`);
  const request = new Request(url, { method, headers: authorization ? { authorization } : {} });
  let ended;
  plugin.onRequest({ request, url, fetchAPI, endResponse: (r) => { ended = r; } });
  return ended;
}

test('the caller\'s Authorization header is what every subgraph request carries', () => {
  const request = new Request('http://gateway/graphql', { headers: { authorization: 'Bearer abc.def.ghi', cookie: 'x=1' } });
  assert.deepEqual(forwardedHeaders(request), { authorization: 'Bearer abc.def.ghi' });
  assert.deepEqual(forwardedHeaders(new Request('http://gateway/graphql')), {});
  const fromConfig = gatewayConfig.propagateHeaders.fromClientToSubgraphs({ request, subgraphName: 'session' });
  assert.deepEqual(fromConfig, { authorization: 'Bearer abc.def.ghi' });
});

test('/graphql without a bearer token: 401 problem+json with WWW-Authenticate: Bearer', async () => {
  const plugin = useBearerRequired({ dashboardToken: undefined });
  for (const authorization of [undefined, 'Basic d2s6', 'Bearer ', 'bearer']) {
    const refused = await answer(plugin, '/graphql', { authorization });
    assert.equal(refused?.status, 401, String(authorization));
    assert.equal(refused.headers.get('www-authenticate'), 'Bearer');
    assert.equal(refused.headers.get('content-type'), 'application/problem+json');
    const problem = await refused.json();
    assert.equal(problem.type, 'https://newsmell.dev/problems/token-required');
    assert.equal(problem.status, 401);
    assert.equal(problem.instance, '/graphql');
  }
  assert.equal(await answer(plugin, '/graphql', { method: 'GET' }).then((r) => r?.status), 401);
});

test('a bearer token passes to the subgraphs, which verify it; probes, the page and CORS preflights stay open', async () => {
  const plugin = useBearerRequired({ dashboardToken: undefined });
  assert.equal(await answer(plugin, '/graphql', { authorization: 'Bearer abc.def.ghi' }), undefined);
  assert.equal(await answer(plugin, '/graphql', { authorization: 'bearer abc.def.ghi' }), undefined);
  assert.equal(await answer(plugin, '/graphql', { method: 'OPTIONS' }), undefined);
  for (const path of ['/readiness', '/healthcheck', '/dashboard', '/dashboard/app.js']) {
    assert.equal(await answer(plugin, path, { method: 'GET' }), undefined, path);
  }
});

test('the dashboard\'s token is handed out only when NEWSMELL_DASHBOARD_TOKEN is set', async () => {
  const none = await answer(useBearerRequired({ dashboardToken: undefined }), '/dashboard/token', { method: 'GET' });
  assert.equal(none.status, 204);
  const local = await answer(useBearerRequired({ dashboardToken: 'local.analyst.token' }), '/dashboard/token', { method: 'GET' });
  assert.equal(local.status, 200);
  assert.equal(local.headers.get('cache-control'), 'no-store');
  assert.deepEqual(await local.json(), { token: 'local.analyst.token' });
});

test('a subgraph\'s refusal of the forwarded token is the answer: 401 (with the challenge) or 403, no data', async () => {
  for (const status of [401, 403]) {
    const plugin = useSubgraphRefusals();
    const context = {};
    const done = plugin.onFetch({ context });
    done({ response: new Response(null, { status }) });
    done({ response: new Response('{}', { status: 200 }) });
    let answer;
    plugin.onExecute({ args: { contextValue: context } }).onExecuteDone({
      result: { data: { segments: null } }, setResult: (r) => { answer = r; },
    });
    assert.equal(answer.data, null);
    assert.equal(answer.errors.length, 1);
    assert.equal(answer.errors[0].extensions.http.status, status);
    assert.equal(answer.errors[0].extensions.code, status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN');
    assert.equal(answer.errors[0].extensions.http.headers['www-authenticate'], status === 401 ? 'Bearer' : undefined);
  }
});

test('answers the subgraphs accepted are left as they are', () => {
  const plugin = useSubgraphRefusals();
  const context = {};
  plugin.onFetch({ context })({ response: new Response('{}', { status: 200 }) });
  let replaced = false;
  plugin.onExecute({ args: { contextValue: context } }).onExecuteDone({
    result: { data: { segments: { items: [] } } }, setResult: () => { replaced = true; },
  });
  assert.equal(replaced, false);
});
