// The supergraph check: the committed subgraph SDL compose, and supergraph.graphql is what they compose to.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { compose, subgraphs, SUPERGRAPH } from '../scripts/compose.mjs';
import { supergraph } from '../gateway.config.mjs';

test('the five subgraphs compose into the committed supergraph (npm run compose when stale)', () => {
  const composed = compose();
  assert.equal(readFileSync(SUPERGRAPH, 'utf8'), composed, 'supergraph.graphql is stale: run npm run compose');
  assert.deepEqual(subgraphs().map((s) => s.name).sort(), [
    'event-collector', 'perfume-stats', 'profile', 'recommendation-feedback', 'session',
  ]);
});

test('the joined entities take fields from several subgraphs', () => {
  const sdl = readFileSync(SUPERGRAPH, 'utf8');
  assert.match(sdl, /type Perfume @join__type\(graph: PERFUME_STATS, key: "perfumeId"\) @join__type\(graph: RECOMMENDATION_FEEDBACK, key: "perfumeId"\)/);
  assert.match(sdl, /type User @join__type\(graph: PROFILE, key: "userId"\) @join__type\(graph: RECOMMENDATION_FEEDBACK, key: "userId"\) @join__type\(graph: SESSION, key: "userId"\)/);
  // the fields the issue names, each from its owner
  for (const [field, graph] of [['timeSeries', 'PERFUME_STATS'], ['trendingRank', 'PERFUME_STATS'], ['catalog', 'PERFUME_STATS'],
    ['featureVector', 'PROFILE'], ['segment', 'PROFILE'], ['feedback', 'RECOMMENDATION_FEEDBACK']]) {
    const owner = sdl.match(new RegExp(`\\n  ${field}[(:][\\s\\S]*?@join__field\\(graph: (\\w+)\\)`));
    assert.equal(owner?.[1], graph, field);
  }
});

test('a subgraph change that breaks composition fails the check', () => {
  const broken = subgraphs().map((s) => s.name === 'session'
    ? { ...s, typeDefs: parse(`extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
        type User @key(fields: "userId") { userId: Int! }
        type Query { sessionJobs: [String] }`) }
    : s);
  assert.throws(() => compose(broken), /composition failed/);
});

test('SUBGRAPH_<NAME>_URL overrides a subgraph URL of the supergraph', () => {
  const sdl = supergraph({ SUBGRAPH_PERFUME_STATS_URL: 'http://stats:9/graphql' });
  assert.match(sdl, /@join__graph\(name: "perfume-stats", url: "http:\/\/stats:9\/graphql"\)/);
  assert.match(sdl, /@join__graph\(name: "session", url: "http:\/\/localhost:8081\/graphql"\)/);
});
