'use strict';
/**
 * A small GraphQL client on node:http with keep-alive agents bound to many loopback source
 * addresses (127.77.x.y). The gateway limits survey-token use per client address (600 a minute),
 * as it should for real raters, who come from many addresses; the benchmark's simulated raters
 * are spread over `addresses` addresses the same way.
 */
const http = require('node:http');

class GraphQLClient {
  constructor(url, { addresses = 256, socketsPerAddress = 4 } = {}) {
    this.url = new URL('/graphql', url);
    this.agents = Array.from({ length: addresses }, (_, i) =>
      new http.Agent({ keepAlive: true, maxSockets: socketsPerAddress, localAddress: `127.77.${Math.floor(i / 250)}.${(i % 250) + 1}` }),
    );
    this.next = 0;
  }

  /** POST one operation; resolves { data, errors, ms }. `agent`: an index, or round robin. */
  call(query, variables = {}, token, agentIndex) {
    const body = JSON.stringify({ query, variables });
    const agent = this.agents[(agentIndex ?? this.next++) % this.agents.length];
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const req = http.request(
        this.url,
        {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
        },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => {
            const ms = performance.now() - started;
            try {
              const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
              resolve({ ...parsed, ms, at: performance.now() });
            } catch (error) {
              reject(new Error(`HTTP ${res.statusCode}: ${Buffer.concat(chunks).toString('utf8').slice(0, 300)}`));
            }
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  async ok(query, variables, token) {
    const result = await this.call(query, variables, token);
    if (result.errors && result.errors.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors).slice(0, 1000)}`);
    return result.data;
  }

  close() {
    for (const a of this.agents) a.destroy();
  }
}

module.exports = { GraphQLClient };
