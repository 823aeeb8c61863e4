// @ts-check
// The register site: static pages built from the GraphQL API at build time (KZA_API_URL),
// plus on-demand routes (/verify) served by @astrojs/node in standalone mode:
//   KZA_API_URL=… astro build          -> dist/client (static files) + dist/server/entry.mjs
//   HOST=… PORT=… KZA_API_URL=… node dist/server/entry.mjs
import node from '@astrojs/node';
import { defineConfig } from 'astro/config';
import { checkApi } from './src/lib/api.ts';
import { sitemap } from './src/lib/sitemap.ts';

/** Stops the build at once, with a clear message, when the API is not configured or not answering. */
function requireApi() {
  return {
    name: 'kza:require-api',
    hooks: {
      'astro:build:start': async () => {
        await checkApi();
      },
    },
  };
}

export default defineConfig({
  output: 'static',
  adapter: node({ mode: 'standalone' }),
  // The public address (absolute links in the open data, the feeds and the sitemap).
  site: process.env.KZA_SITE_URL?.trim() || 'http://localhost:4321',
  // The search index is written after the build, by scripts/build.ts.
  integrations: [requireApi(), sitemap()],
  session: false,
  trailingSlash: 'ignore',
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  prefetch: false,
  // The register filter's script is served as its own file (cached once for every register
  // page) rather than inlined into each page; other assets keep Vite's default.
  vite: { build: { assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined) } },
});
