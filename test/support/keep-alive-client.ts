import { currentConsentVersion } from '@convene/shared';
import { request, type Agent } from 'node:http';

export type Outcome = { status: number | string; json?: Record<string, unknown> };

/**
 * One JSON request on the given agent (false: a connection of its own). A network error is an
 * outcome too, its code (ECONNRESET, ECONNREFUSED…), so a load can count what was cut.
 */
export function send(
  port: number,
  agent: Agent | false,
  method: string,
  urlPath: string,
  body?: unknown,
): Promise<Outcome> {
  return new Promise((resolve) => {
    const req = request(
      { host: '127.0.0.1', port, method, path: urlPath, agent, headers: { 'content-type': 'application/json' } },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => {
          let json: Record<string, unknown> | undefined;
          try {
            json = JSON.parse(text) as Record<string, unknown>;
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, json });
        });
      },
    );
    req.on('error', (err: NodeJS.ErrnoException) => resolve({ status: err.code ?? err.message }));
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

/** A registration body for load `run`, person `i`: a distinct address each. */
export function loadRegistration(run: string, i: number) {
  return {
    name: `Load ${i}`,
    email: `drain-${run}-${i}@example.org`,
    country: 'BD',
    language: 'en',
    timeZone: 'Asia/Dhaka',
    consent: true,
    consentVersion: currentConsentVersion('registration'),
  };
}
