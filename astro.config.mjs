// @ts-check
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import preact from '@astrojs/preact';
import { readConfig } from './src/server/config.ts';
import { cspDirectives } from './src/server/http/security-headers.ts';
import { precompressedFiles } from './src/server/http/precompress-integration.ts';
import { securityHeaders } from './src/server/http/security-integration.ts';
import { islandChunks } from './src/islands/chunking-integration.ts';

/**
 * Request bodies: no form or API call needs more than a few hundred kilobytes (a large configuration
 * included), so the server refuses anything larger before reading it. The adapter's limit bounds
 * every route; actions have their own (answered with 413), and the JSON API checks its bodies itself
 * (src/server/http/body.ts).
 */
const BODY_LIMIT_BYTES = 1024 * 1024;
const ACTION_BODY_LIMIT_BYTES = 256 * 1024;

export default defineConfig({
  // The same checked setting the server reads at run time (src/server/config.ts).
  site: readConfig().SITE_URL ?? 'http://localhost:4321',
  output: 'static',
  // staticHeaders: prerendered pages get their Content-Security-Policy as a header (see securityHeaders).
  // Middleware mode: src/server/entry.ts serves the built files itself and hands the rest to the adapter.
  adapter: node({ mode: 'middleware', bodySizeLimit: BODY_LIMIT_BYTES, staticHeaders: true }),
  integrations: [preact(), islandChunks(), securityHeaders(), precompressedFiles()],
  // No Markdown on the site; Shiki's highlighting would need inline styles the CSP does not allow.
  markdown: { syntaxHighlight: false },
  security: {
    // Form posts from other sites are refused (Astro's default, stated here because the request forms rely on it).
    checkOrigin: true,
    actionBodySizeLimit: ACTION_BODY_LIMIT_BYTES,
    // Scripts and styles by hash only (no 'unsafe-inline'); the other directives and headers: src/server/http/security-headers.ts.
    csp: { directives: [...cspDirectives] },
  },
});
