import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  documentedOperations,
  openApiPaths,
  requiredOperations,
  servedRoutes,
  type Endpoint,
} from '../support/router-walk.js';
import { startTestStack, type TestStack } from '../support/stack.js';

describe('GET /api/openapi.json', () => {
  let stack: TestStack;
  let routes: Endpoint[];
  let documented: string[];

  beforeAll(async () => {
    stack = await startTestStack({ kind: 'pglite', withWorker: false, smtp: false });
    routes = await servedRoutes(stack);
    const res = await stack.request('/api/openapi.json');
    expect(res.status).toBe(200);
    documented = documentedOperations((await res.json()) as { paths?: Record<string, Record<string, unknown>> });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('maps Express route syntax to OpenAPI path templates', () => {
    expect(openApiPaths('/api/admin/webinars/:id/registrations.csv')).toEqual([
      '/api/admin/webinars/{id}/registrations.csv',
    ]);
    expect(openApiPaths('/api/admin/compilations/:id/export.:format')).toEqual([
      '/api/admin/compilations/{id}/export.{format}',
    ]);
    expect(openApiPaths('/api/files{/:name}')).toEqual(['/api/files/{name}', '/api/files']);
    expect(openApiPaths('/api/files/*rest')).toEqual(['/api/files/{rest}']);
  });

  it('finds the routes from the running router, mounted routers and several mount paths included', () => {
    const keys = requiredOperations(routes);
    expect(keys.length).toBeGreaterThanOrEqual(40);
    expect(keys).toEqual(
      expect.arrayContaining([
        'GET /api/themes',
        'POST /api/webinars/{slug}/registrations',
        'GET /api/admin/compilations/{id}/export.{format}',
        // The unsubscribe router is mounted at /unsubscribe and at /api/unsubscribe.
        'POST /api/unsubscribe/{token}',
      ]),
    );
  });

  it('describes every /api route the server answers', () => {
    const missing = requiredOperations(routes).filter((key) => !documented.includes(key));
    expect(missing).toEqual([]);
  });

  it('describes no /api operation the server does not answer', () => {
    const served = requiredOperations(routes);
    const stale = documented.filter((key) => key.split(' ')[1]!.startsWith('/api/') && !served.includes(key));
    expect(stale).toEqual([]);
  });
});
