import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '@convene/shared/node';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';

// What the containers run and how they stop; the processes themselves are tried in
// production-topology.test.ts.
type Compose = {
  services: Record<
    string,
    {
      command?: string[];
      ports?: string[];
      restart?: string;
      stop_grace_period?: string;
      deploy?: { replicas?: number };
      environment?: Record<string, string>;
      volumes?: string[];
    }
  >;
};

const seconds = (duration: string | undefined) => {
  const match = /^(\d+)s$/.exec(duration ?? '');
  return match ? Number(match[1]) : 10; // Docker's default
};

describe('the production commands', () => {
  const compose = parse(readFileSync(path.join(REPO_ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as Compose;
  const dockerfile = readFileSync(path.join(REPO_ROOT, 'Dockerfile'), 'utf8');

  it('run node itself on the compiled build, so SIGTERM reaches the app (no npm, npx, tsx or shell between)', () => {
    // The last CMD is the runtime stage's; the JSON (exec) form, so node is PID 1, not /bin/sh.
    const cmd = [...dockerfile.matchAll(/^CMD\s+(.*)$/gm)].at(-1)?.[1];
    const commands = {
      Dockerfile: JSON.parse(cmd ?? 'null') as string[],
      'compose server': compose.services.server!.command!,
      'compose worker': compose.services.worker!.command!,
      'npm run start:server': (
        JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
          scripts: Record<string, string>;
        }
      ).scripts['start:server']!.split(' '),
    };
    for (const [where, command] of Object.entries(commands)) {
      expect({ where, program: command[0], condition: command[1] }).toEqual({
        where,
        program: 'node',
        condition: '--conditions=convene-dist',
      });
      expect({ where, entry: command[2] }).toEqual({ where, entry: expect.stringMatching(/^(server|worker)\/dist\//) });
    }
  });

  it('puts two API replicas and two workers behind the nginx balancer, with time to drain before SIGKILL', () => {
    const { lb, server, worker } = compose.services;
    expect(lb!.volumes).toContain('./deploy/nginx/templates:/etc/nginx/templates:ro');
    expect(lb!.ports).toEqual(['3000:80']);
    // A scaled service cannot publish one host port: replicas are reached through lb only.
    expect(server!.ports).toBeUndefined();
    expect(server!.deploy?.replicas).toBe(2);
    expect(worker!.deploy?.replicas).toBe(2);
    expect(server!.environment?.TRUST_PROXY).toBe('1');
    for (const [name, service] of Object.entries(compose.services)) {
      expect({ name, restart: service.restart }).toEqual({ name, restart: 'unless-stopped' });
    }
    for (const service of [server!, worker!]) {
      // The app's force-quit comes 5 s after the grace period; Docker's SIGKILL must come later.
      const grace = Number(service.environment?.SHUTDOWN_GRACE_SECONDS ?? 20);
      expect(seconds(service.stop_grace_period)).toBeGreaterThan(grace + 5);
    }
  });
});
