/**
 * The load generator: a child process (forked by load.ts) that runs autocannon on request,
 * so the servers under test have the parent's event loop to themselves.
 */
import autocannon from 'autocannon';
import {
  SEQ_PLACEHOLDER,
  type ChildMessage,
  type LoadSpec,
  type LoadSummary,
  type ParentMessage,
} from './load-protocol.js';

let seq = 0;

function send(message: ChildMessage): void {
  process.send?.(message);
}

function bodyFactory(template: string | undefined): (() => string) | null {
  if (template === undefined || !template.includes(SEQ_PLACEHOLDER)) return null;
  const parts = template.split(SEQ_PLACEHOLDER);
  return () => parts.join(String(seq++).padStart(10, '0'));
}

async function fire(spec: LoadSpec): Promise<LoadSummary> {
  const next = bodyFactory(spec.bodyTemplate);
  const sampleBody = next ? next() : (spec.bodyTemplate ?? '');
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  const result = await autocannon({
    url: spec.url,
    method: spec.method,
    headers: spec.headers,
    body: spec.bodyTemplate,
    connections: spec.connections,
    duration: spec.durationSec,
    ...(next ? { requests: [{ setupRequest: (req: autocannon.Request) => ({ ...req, body: next() }) }] } : {}),
  });
  const wallUs = Number(process.hrtime.bigint() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const statusCounts: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) statusCounts[code] = stat.count ?? 0;
  return {
    title: spec.title,
    // Not requests.average: that is a mean over per-second samples, and whether the run ends on
    // its 10th or 11th sample is a race (the load goes on until the last one).
    reqPerSec: result.duration > 0 ? result.requests.total / result.duration : 0,
    requests: result.requests.total,
    durationSec: result.duration,
    latency: {
      avgMs: result.latency.average,
      p50Ms: result.latency.p50,
      p90Ms: result.latency.p90,
      p99Ms: result.latency.p99,
      maxMs: result.latency.max,
    },
    statusCounts,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    bodyBytes: Buffer.byteLength(sampleBody),
    loadGeneratorCpuCores: (cpu.user + cpu.system) / wallUs,
  };
}

process.on('message', (message: ParentMessage) => {
  if (message.type !== 'run') return;
  fire(message.spec).then(
    (summary) => send({ type: 'result', id: message.id, summary }),
    (err: unknown) =>
      send({ type: 'error', id: message.id, message: err instanceof Error ? err.message : String(err) }),
  );
});
// The parent went away (closed us, or died): nothing left to do.
process.on('disconnect', () => process.exit(0));
send({ type: 'ready' });
