/** What the parent asks the load-generator child process (load-child.ts) to do, and what it answers. */

/** A load to fire with autocannon. Plain data: it crosses the IPC channel. */
export type LoadSpec = {
  title: string;
  /** Full URL, path included. */
  url: string;
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  /**
   * Request body. Every occurrence of `{{seq}}` is replaced by a fresh zero-padded
   * 10-digit counter per request (unique within the child's life), so the body size is constant.
   */
  bodyTemplate?: string;
  connections: number;
  durationSec: number;
};

export type LatencySummary = { avgMs: number; p50Ms: number; p90Ms: number; p99Ms: number; maxMs: number };

/** The numbers kept from an autocannon result. */
export type LoadSummary = {
  title: string;
  /** Responses (any status) per second: completed requests / elapsed run time. */
  reqPerSec: number;
  requests: number;
  durationSec: number;
  latency: LatencySummary;
  /** Responses per HTTP status code. */
  statusCounts: Record<string, number>;
  non2xx: number;
  /** Connection errors, timeouts included. */
  errors: number;
  timeouts: number;
  bodyBytes: number;
  /** CPU the load generator itself used during the run, in cores (1 = one core busy all the time). */
  loadGeneratorCpuCores: number;
};

export type ParentMessage = { type: 'run'; id: number; spec: LoadSpec };

export type ChildMessage =
  | { type: 'ready' }
  | { type: 'result'; id: number; summary: LoadSummary }
  | { type: 'error'; id: number; message: string };

export const SEQ_PLACEHOLDER = '{{seq}}';
