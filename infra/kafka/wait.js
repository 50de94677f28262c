// Waits until a Kafka broker answers a metadata request (kafkajs admin), not a fixed sleep.
// usage: node wait.js 127.0.0.1:19092 [seconds]
// kafkajs 2.2.4 trips Node 24's TimeoutNegativeWarning (harmless: Node clamps the delay as before; see
// packages/events/src/transports/kafkajs-node24.ts). This script prints nothing but readiness.
process.removeAllListeners('warning');
const { Kafka, logLevel } = require('kafkajs');
const [brokers = '127.0.0.1:19092', seconds = '60'] = process.argv.slice(2);
const deadline = Date.now() + Number(seconds) * 1000;
(async () => {
  for (;;) {
    const admin = new Kafka({
      clientId: 'leaderscope-wait',
      brokers: brokers.split(','),
      logLevel: logLevel.NOTHING,
      retry: { retries: 0 },
      connectionTimeout: 1000,
    }).admin();
    try {
      await admin.connect();
      const cluster = await admin.describeCluster();
      await admin.disconnect();
      console.log(`kafka: ready at ${brokers} (controller ${cluster.controller}, ${cluster.brokers.length} broker(s))`);
      return;
    } catch (err) {
      await admin.disconnect().catch(() => {});
      if (Date.now() > deadline) {
        console.error(`kafka: not ready at ${brokers}: ${err.message}`);
        process.exit(1);
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  }
})();
