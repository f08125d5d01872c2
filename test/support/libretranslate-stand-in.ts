import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export type LibreTranslateStandIn = {
  url: string;
  /** Every /translate request body received, as the protocol peer saw it. */
  requests: { q: string; source: string; target: string; format?: string; api_key?: string }[];
  /** The next n /translate requests answer with this status (then it recovers). */
  failNext: (status: number, times?: number) => void;
  close: () => Promise<void>;
};

const LANGUAGES = ['en', 'fr', 'es', 'ar'];

async function readJson(req: IncomingMessage): Promise<Record<string, string>> {
  let body = '';
  for await (const chunk of req) body += chunk as string;
  return JSON.parse(body || '{}') as Record<string, string>;
}

/**
 * A stand-in for a LibreTranslate deployment: a small real HTTP server speaking its API
 * (GET /languages, POST /translate with q, source, target, format and api_key; errors as
 * { error }). It "translates" by tagging the text with the pair, so a test can tell what was
 * asked of it. An apiKey makes it refuse requests without that key (403), as a keyed one does.
 */
export async function startLibreTranslateStandIn(options: { apiKey?: string } = {}): Promise<LibreTranslateStandIn> {
  const requests: LibreTranslateStandIn['requests'] = [];
  let failures: { status: number; left: number } | null = null;
  const server = createServer((req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'GET' && req.url === '/languages') {
      send(
        200,
        LANGUAGES.map((code) => ({ code, name: code, targets: LANGUAGES.filter((t) => t !== code) })),
      );
      return;
    }
    if (req.method === 'POST' && req.url === '/translate') {
      void readJson(req).then((body) => {
        requests.push(body as LibreTranslateStandIn['requests'][number]);
        if (options.apiKey && body.api_key !== options.apiKey) return send(403, { error: 'Invalid API key' });
        if (failures && failures.left > 0) {
          failures.left -= 1;
          return send(failures.status, { error: 'Slow down' });
        }
        if (!LANGUAGES.includes(body.source ?? '') || !LANGUAGES.includes(body.target ?? '')) {
          return send(400, { error: `${body.source} is not supported` });
        }
        send(200, { translatedText: `[${body.source}>${body.target}] ${body.q}` });
      });
      return;
    }
    send(404, { error: 'Not Found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    failNext: (status, times = 1) => {
      failures = { status, left: times };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
