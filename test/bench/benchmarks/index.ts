import type { Benchmark } from '../types.js';
import { registrationVsEcho } from './registration-vs-echo.js';

/** Every benchmark, in the order `npm run bench` runs them. Add new ones here. */
export const BENCHMARKS: readonly Benchmark[] = [registrationVsEcho];
