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
    this.addresses = Array.from({ length: addresses }, (_, i) => `127.77.${Math.floor(i / 250)}.${(i % 250) + 1}`);
    this.agents = this.addresses.map((localAddress) => new http.Agent({ keepAlive: true, maxSockets: socketsPerAddress, localAddress }));
    this.next = 0;
  }

  /**
   * POSTs one operation; resolves { data, errors, ms }. `agentIndex`: which client address (an index,
   * or round robin). `fresh`: on a new connection of its own, closed after the answer (as a rater's
   * browser submits, its kept-alive connection from opening the survey long closed), instead of a
   * kept-alive one. Retries (up to 3 times) a request whose connection was reset before an answer
   * came: a kept-alive socket the server closed meanwhile. Safe: reads are reads, and a submission
   * retried with its idempotency key gets the same receipt. `ms` counts from the first attempt.
   */
  async call(query, variables = {}, token, agentIndex, { fresh = false } = {}) {
    const started = performance.now();
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await this.attempt(query, variables, token, agentIndex, fresh);
        return { ...result, ms: performance.now() - started, retries: attempt - 1 };
      } catch (error) {
        if (attempt >= 4 || !/ECONNRESET|socket hang up|EPIPE/.test(String(error && (error.code || error.message)))) throw error;
      }
    }
  }

  attempt(query, variables = {}, token, agentIndex, fresh = false) {
    const body = JSON.stringify({ query, variables });
    const index = (agentIndex ?? this.next++) % this.agents.length;
    const connection = fresh ? { agent: false, localAddress: this.addresses[index] } : { agent: this.agents[index] };
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const req = http.request(
        this.url,
        {
          method: 'POST',
          ...connection,
          headers: {
            ...(fresh ? { connection: 'close' } : {}),
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
