// Hive Gateway (MIT) over the five services' subgraphs: serves the supergraph composed ahead of time
// (supergraph.graphql, scripts/compose.mjs) at /graphql, and the dashboard page at /dashboard.
// Subgraph URLs: the supergraph's (localhost:8080-8084) unless SUBGRAPH_<NAME>_URL overrides one, e.g.
// SUBGRAPH_PERFUME_STATS_URL=http://perfume-stats-service:8083/graphql.
// Access (issue 16, ADR 0063): the caller's bearer token goes to every subgraph, which verifies it (analyst role);
// /graphql without a bearer token is refused here (401), see access.mjs.
import { defineConfig } from '@graphql-hive/gateway';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useDashboard } from './dashboard/serve.mjs';
import { forwardedHeaders, useBearerRequired, useSubgraphRefusals } from './access.mjs';

const root = dirname(fileURLToPath(import.meta.url));

/** The committed supergraph with each subgraph's URL as the environment says. */
export function supergraph(env = process.env) {
  const sdl = readFileSync(join(root, 'supergraph.graphql'), 'utf8');
  return sdl.replace(/@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g, (all, name, url) => {
    const override = env[`SUBGRAPH_${name.toUpperCase().replace(/-/g, '_')}_URL`];
    return override ? `@join__graph(name: "${name}", url: "${override}")` : all;
  });
}

export const gatewayConfig = defineConfig({
  supergraph: () => supergraph(),
  pollingInterval: 60_000,
  // Bounds on what one operation may ask (the subgraphs bound depth and complexity too).
  maxDepth: 12,
  maxTokens: 2000,
  blockFieldSuggestions: true,
  landingPage: false,
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => forwardedHeaders(request),
  },
  plugins: () => [useBearerRequired(), useSubgraphRefusals(), useDashboard()],
});
