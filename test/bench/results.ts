import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchEntry } from './types.js';

/** bench-results.json at the repository root (git-ignored). */
export const RESULTS_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bench-results.json');

function isEntry(value: unknown): value is BenchEntry {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.name === 'string' && typeof v.value === 'number' && typeof v.pass === 'boolean';
}

/** The entries already recorded; none when the file does not exist. Unreadable entries are dropped with a warning. */
export async function readResults(file: string = RESULTS_FILE): Promise<BenchEntry[]> {
  if (!existsSync(file)) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    console.error(`warning: ${file} is not valid JSON (${(err as Error).message}); starting it afresh`);
    return [];
  }
  if (!Array.isArray(parsed)) {
    console.error(`warning: ${file} does not hold an array; starting it afresh`);
    return [];
  }
  const entries = parsed.filter(isEntry);
  if (entries.length !== parsed.length) {
    console.error(`warning: dropped ${parsed.length - entries.length} malformed entries from ${file}`);
  }
  return entries;
}

/** Merges by name: a fresh entry replaces the recorded one in place; new names are appended; others are kept. */
export function mergeResults(existing: readonly BenchEntry[], fresh: readonly BenchEntry[]): BenchEntry[] {
  const byName = new Map(fresh.map((e) => [e.name, e]));
  const merged = existing.map((e) => byName.get(e.name) ?? e);
  const known = new Set(existing.map((e) => e.name));
  for (const e of fresh) if (!known.has(e.name)) merged.push(e);
  return merged;
}

/** Writes atomically (temporary file, then rename). */
export async function writeResults(entries: readonly BenchEntry[], file: string = RESULTS_FILE): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(entries, null, 2)}\n`);
  await rename(tmp, file);
}

/** Reads, merges the fresh entries in, writes; returns everything now recorded. */
export async function recordResults(fresh: readonly BenchEntry[], file: string = RESULTS_FILE): Promise<BenchEntry[]> {
  const merged = mergeResults(await readResults(file), fresh);
  await writeResults(merged, file);
  return merged;
}

function formatNumber(value: number | null, digits: number): string {
  if (value === null || !Number.isFinite(value)) return '-';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A plain-text table: name, value, unit, baseline, ratio, target, pass. */
export function formatTable(entries: readonly BenchEntry[]): string {
  const header = ['name', 'value', 'unit', 'baseline', 'ratio', 'target', 'pass'];
  const rows = entries.map((e) => [
    e.name,
    formatNumber(e.value, 1),
    e.unit,
    formatNumber(e.baseline, 1),
    e.ratio === null ? '-' : `${formatNumber(e.ratio, 3)}x`,
    e.target,
    e.pass ? 'PASS' : 'FAIL',
  ]);
  const numeric = [false, true, false, true, true, false, false];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (numeric[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(header), rule, ...rows.map(line)].join('\n');
}
