import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { ZApiError, ZRetentionForecast } from '@convene/shared';

const json = (schema: typeof ZApiError | typeof ZRetentionForecast, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** The retention policy's forecast (the purge itself is the worker's, not an endpoint). */
export function registerRetentionPaths(registry: OpenAPIRegistry, coordinator: Record<string, string[]>[]): void {
  registry.registerPath({
    method: 'get',
    path: '/api/admin/retention',
    summary:
      'Admins only: the retention periods and what falls due when (registrants, named reporters, unsubscribed or undeliverable contacts); counts only',
    security: coordinator,
    responses: {
      200: json(ZRetentionForecast, 'The forecast'),
      401: json(ZApiError, 'Not signed in'),
      403: json(ZApiError, 'Not an admin'),
    },
  });
}
