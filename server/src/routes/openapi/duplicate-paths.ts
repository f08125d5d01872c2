import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { ZApiError, ZMergeReport, ZMergeResult } from '@convene/shared';
import { z } from 'zod';

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
const error = (description: string) => json(ZApiError, description);

/** Near-duplicate reports: merge one into another, and undo it. */
export function registerDuplicatePaths(registry: OpenAPIRegistry, coordinator: Record<string, string[]>[]): void {
  const denied = { 401: error('Not signed in'), 403: error('Not allowed for this role or scope') };
  const id = z.object({ id: z.string() });
  registry.registerPath({
    method: 'post',
    path: '/api/admin/reports/{id}/merge',
    summary:
      'Merge this report into `into` (the one kept): it leaves the default list and counts once, under the kept one; both codes stay as lineage',
    security: coordinator,
    request: { params: id, body: { content: { 'application/json': { schema: ZMergeReport } }, required: true } },
    responses: {
      200: json(ZMergeResult, 'Both reports after the merge'),
      404: error('Unknown report'),
      409: error('already_merged, or merge_target_merged'),
      422: error('merge_self'),
      ...denied,
    },
  });
  registry.registerPath({
    method: 'delete',
    path: '/api/admin/reports/{id}/merge',
    summary: 'Undo a merge: the report stands on its own again',
    security: coordinator,
    request: { params: id },
    responses: {
      200: json(ZMergeResult, 'Both reports after the unmerge'),
      404: error('Unknown report'),
      409: error('not_merged'),
      ...denied,
    },
  });
}
