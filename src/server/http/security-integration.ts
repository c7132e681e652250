import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroConfig, AstroIntegration, RouteToHeaders } from 'astro';
import { staticPoliciesFile } from './security-headers';

/**
 * Makes src/server/entry.ts the server entry (it wraps the Node adapter's standalone server with the
 * security headers) and hands it the Content-Security-Policy of every prerendered page.
 *
 * With the adapter's `staticHeaders` on, Astro leaves the policy out of the prerendered HTML and
 * reports it per page (`routeToHeaders`). The adapter writes those to dist/_headers.json, but matches
 * a request to the first entry whose path *contains* the request's path: "/" gets another page's
 * policy and "/configure/" none. So the policies are written here, keyed by exact path, and the
 * adapter's file is removed.
 */
export function securityHeaders(): AstroIntegration {
  const entry = fileURLToPath(new URL('../entry.ts', import.meta.url));
  let config: AstroConfig | undefined;
  let routeToHeaders: RouteToHeaders | undefined;
  return {
    name: 'secure-quote:security-headers',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'secure-quote:server-entry',
                // After Astro's own plugin, which sets the adapter's entry.
                enforce: 'post',
                config: () => ({ environments: { ssr: { build: { rolldownOptions: { input: { index: entry } } } } } }),
              },
            ],
          },
        });
      },
      'astro:config:done': ({ config: done }) => {
        config = done;
      },
      'astro:build:generated': ({ routeToHeaders: generated }) => {
        routeToHeaders = generated;
      },
      'astro:build:done': () => {
        if (!config) return;
        const policies: Record<string, string> = {};
        for (const [pathname, { headers }] of routeToHeaders ?? []) {
          const policy = headers.get('Content-Security-Policy');
          if (policy) policies[pathname] = policy;
        }
        writeFileSync(new URL(staticPoliciesFile, config.build.server), JSON.stringify(policies));
        rmSync(new URL('_headers.json', config.outDir), { force: true });
      },
    },
  };
}
