// Serves the dashboard page and its assets from the gateway, with Apache ECharts from the local node_modules
// (no CDN): GET /dashboard, /dashboard/app.js, /dashboard/dashboard.css, /dashboard/echarts.min.js.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

const ASSETS = {
  '/dashboard': ['index.html', 'text/html; charset=utf-8'],
  '/dashboard/': ['index.html', 'text/html; charset=utf-8'],
  '/dashboard/app.js': ['app.js', 'text/javascript; charset=utf-8'],
  '/dashboard/dashboard.css': ['dashboard.css', 'text/css; charset=utf-8'],
  '/dashboard/echarts.min.js': [require.resolve('echarts/dist/echarts.min.js'), 'text/javascript; charset=utf-8'],
};

function load(file) {
  return readFileSync(file.startsWith('/') ? file : join(here, file));
}

/** A gateway (Yoga) plugin answering the dashboard's paths before GraphQL handling. */
export function useDashboard() {
  const cache = new Map();
  return {
    onRequest({ url, endResponse, fetchAPI }) {
      const asset = ASSETS[url.pathname];
      if (!asset) {
        return;
      }
      const [file, type] = asset;
      if (!cache.has(file)) {
        cache.set(file, load(file));
      }
      endResponse(
        new fetchAPI.Response(cache.get(file), {
          status: 200,
          headers: { 'content-type': type, 'cache-control': 'no-cache' },
        }),
      );
    },
  };
}
