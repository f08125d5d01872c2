import { constants } from 'node:zlib';
import compression from 'compression';
import type { RequestHandler } from 'express';

/**
 * Compression of every text response, with a faster setting for the CSV downloads (the
 * exports: hundreds of MB of text). The default (brotli quality 4) ran at ≈38 MB/s on the
 * development machine, one of the two largest costs of exporting 100,000 reports; brotli
 * quality 1 and gzip level 1 run about three times as fast, and on report text brotli 1
 * comes within 1 % of quality 4's size (21.0 % against 20.8 % of the CSV). The encoding is
 * negotiated from Accept-Encoding either way.
 *
 * One middleware that picks the instance per request (a `.csv` path is a download), rather
 * than a second compression on the export routes: each instance adds its own listeners to
 * the response, and the streamed exports' pipeline already adds several.
 */
export function responseCompression(): RequestHandler {
  const regular = compression();
  const bulk = compression({ level: 1, brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } } });
  return (req, res, next) => (req.path.endsWith('.csv') ? bulk : regular)(req, res, next);
}
