import type { IncomingMessage } from 'node:http';
import type { TestStack } from './stack.js';

/** The parts of a `router` v2 layer the walk reads (Express 5 keeps them on every layer). */
export type RouterLayer = {
  rawPath?: string | string[];
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle: { stack?: RouterLayer[] };
};
export type Endpoint = { method: string; path: string };

const list = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);
const join = (prefix: string, path: string) => `${prefix}/${path}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');

/**
 * Every (method, path) the router answers, mount paths joined, walking mounted routers too.
 * Paths keep Express's syntax (`/api/admin/webinars/:id`); `router.all` counts as GET.
 */
export function routesOf(stack: RouterLayer[], prefix = ''): Endpoint[] {
  const found: Endpoint[] = [];
  for (const layer of stack) {
    if (layer.route) {
      const methods = Object.keys(layer.route.methods).map((m) => (m === '_all' ? 'GET' : m.toUpperCase()));
      for (const path of list(layer.route.path))
        for (const method of methods) found.push({ method, path: join(prefix, path) });
    } else if (layer.handle.stack) {
      for (const mount of list(layer.rawPath ?? '/')) found.push(...routesOf(layer.handle.stack, join(prefix, mount)));
    }
  }
  return found;
}

/** The paths where something is mounted (middleware or router), e.g. to find Bull Board. */
export function mountsOf(stack: RouterLayer[]): string[] {
  return stack.filter((l) => !l.route).flatMap((l) => list(l.rawPath ?? '/'));
}

/**
 * The Express app serving the stack. socket.io wraps the server's request listeners in a
 * closure, so the app is taken from a request it handled instead: Express gives each
 * request its `app`.
 */
export async function runningApp(stack: TestStack): Promise<{ router: { stack: RouterLayer[] } }> {
  const server = stack.running.server;
  let seen: (IncomingMessage & { app?: { router: { stack: RouterLayer[] } } }) | undefined;
  const capture = (req: IncomingMessage) => {
    seen = req;
  };
  server.prependListener('request', capture);
  try {
    await (await stack.request('/healthz')).arrayBuffer();
  } finally {
    server.off('request', capture);
  }
  if (!seen?.app?.router) throw new Error('no Express app behind the server');
  return seen.app;
}

/** Every route the running stack serves, enumerated from its Express router. */
export async function servedRoutes(stack: TestStack): Promise<Endpoint[]> {
  return routesOf((await runningApp(stack)).router.stack);
}

/**
 * The OpenAPI path(s) an Express 5 route path stands for: `:id` and `*rest` become `{id}` and
 * `{rest}`, and an optional group (`/a{/:b}`) gives the path with and without it.
 */
export function openApiPaths(expressPath: string): string[] {
  const optional = /\{([^{}]*)\}/.exec(expressPath);
  if (optional) {
    const before = expressPath.slice(0, optional.index);
    const after = expressPath.slice(optional.index + optional[0].length);
    return [...openApiPaths(before + optional[1]! + after), ...openApiPaths(before + after)];
  }
  const mapped = expressPath.replace(/[:*](\w+)/g, '{$1}');
  return [mapped.length > 1 ? mapped.replace(/\/$/, '') : mapped];
}

/** `METHOD /path` keys the served routes under `prefix` would need in an OpenAPI document. */
export function requiredOperations(routes: Endpoint[], prefix = '/api'): string[] {
  const keys = routes
    .filter((r) => r.path === prefix || r.path.startsWith(`${prefix}/`))
    .flatMap((r) => openApiPaths(r.path).map((p) => `${r.method} ${p}`));
  return [...new Set(keys)].sort();
}

/** `METHOD /path` keys of every operation an OpenAPI document describes. */
export function documentedOperations(document: { paths?: Record<string, Record<string, unknown>> }): string[] {
  const methods = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
  return Object.entries(document.paths ?? {})
    .flatMap(([path, item]) =>
      Object.keys(item)
        .filter((m) => methods.has(m))
        .map((m) => `${m.toUpperCase()} ${path}`),
    )
    .sort();
}
