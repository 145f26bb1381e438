// The chat bench's load generator, in a process of its own so that the service process's CPU
// time (process.cpuUsage in chat.bench.ts) is the service's alone: autocannon with the options
// given as JSON in argv[2]; prints one JSON line with what came back.
import autocannon from 'autocannon';

const options = JSON.parse(process.argv[2]);
const started = performance.now();
autocannon(options, (err, r) => {
  if (err) {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  }
  const elapsedMs = performance.now() - started;
  process.stdout.write(`${JSON.stringify({ ok: r['2xx'], elapsedMs, p50: r.latency.p50, p99: r.latency.p99, bad: r.non2xx + r.errors + r.timeouts })}\n`);
});
