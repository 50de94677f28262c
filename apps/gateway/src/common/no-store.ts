import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';

/**
 * GraphQL answers are never stored by a browser or proxy (`Cache-Control: no-store`): receipts,
 * reports and people's data are personal and change. Apollo's default cache-control plugin gave
 * the same header, since no field carries a `@cacheControl` hint, but it did so by wrapping every
 * field resolver of the schema to collect hints (a `willResolveField` hook per resolved field, on
 * the `submitSurvey` hot path too). This sets the header once per response instead; like Apollo's,
 * it leaves alone a header it cannot read and overrides one it can (no field is cacheable).
 */
export function noStorePlugins(): ApolloServerPlugin[] {
  return [
    ApolloServerPluginCacheControlDisabled(),
    {
      async requestDidStart() {
        return {
          async willSendResponse({ response }) {
            const given = response.http.headers.get('cache-control');
            if (!given || given === 'no-store' || /^max-age=\d+, (public|private)$/.test(given)) {
              response.http.headers.set('cache-control', 'no-store');
            }
          },
        };
      },
    },
  ];
}
