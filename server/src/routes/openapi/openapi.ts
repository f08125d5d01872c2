import { Router } from 'express';
import type { AppContext } from '../../context.js';
import { buildOpenApiDocument } from './document.js';

/** GET /api/openapi.json */
export function openApiRouter(ctx: AppContext): Router {
  const router = Router();
  let cached: object | undefined;
  router.get('/openapi.json', (_req, res) => {
    cached ??= buildOpenApiDocument(ctx.env.PUBLIC_URL);
    res.json(cached);
  });
  return router;
}
