import { Router } from 'express';
import type { AppContext } from '../../context.js';

/** GET /api/openapi.json */
export function openApiRouter(ctx: AppContext): Router {
  const router = Router();
  let cached: object | undefined;
  router.get('/openapi.json', async (_req, res) => {
    // The generator and every path description load on the first request, not at start: a few MB
    // of heap that most processes would otherwise keep for a document nobody asked for.
    cached ??= (await import('./document.js')).buildOpenApiDocument(ctx.env.PUBLIC_URL);
    res.json(cached);
  });
  return router;
}
