import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '@convene/shared/node';
import { freePort } from './free-port.js';

/** The deployment's nginx template: docker-compose's lb service mounts its directory. */
export const NGINX_TEMPLATE = path.join(REPO_ROOT, 'deploy', 'nginx', 'templates', 'default.conf.template');

export type Nginx = {
  url: string;
  port: number;
  /** nginx's own log (stderr): errors such as a reset upstream connection. */
  output: () => string;
  stop: () => Promise<void>;
};

/**
 * Replaces ${NAME} and $NAME for the names given, and leaves every other dollar alone (nginx's
 * own $host, $http_upgrade…): what the official image's 20-envsubst-on-templates.sh does with
 * the container's environment.
 */
export function substituteTemplate(template: string, vars: Record<string, string>): string {
  return template.replace(/\$\{(\w+)\}|\$(\w+)/g, (match, braced?: string, bare?: string) => {
    const name = (braced ?? bare)!;
    return Object.hasOwn(vars, name) ? vars[name]! : match;
  });
}

function nginxBinary(): string {
  for (const candidate of ['/usr/sbin/nginx', '/usr/local/sbin/nginx']) if (existsSync(candidate)) return candidate;
  const found = spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' }).stdout.trim();
  if (!found) throw new Error('nginx is not installed (apt-get install nginx; .ci/run does it)');
  return found;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Debian's nginx, unprivileged (as nobody when the tests run as root), in front of the given
 * upstream ports, with the deployment's template: only the upstream list and the listen
 * address differ from docker-compose. Debian's 1.22 has no `resolve`, so the upstream lists
 * fixed ports instead of a service name.
 */
export async function startNginx(upstreamPorts: number[]): Promise<Nginx> {
  const port = await freePort();
  const prefix = mkdtempSync(path.join(tmpdir(), 'convene-nginx-'));
  mkdirSync(path.join(prefix, 'tmp'));
  const servers = upstreamPorts.map((p) => `server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`).join('\n    ');
  writeFileSync(
    path.join(prefix, 'convene.conf'),
    substituteTemplate(readFileSync(NGINX_TEMPLATE, 'utf8'), {
      CONVENE_LISTEN: `127.0.0.1:${port}`,
      CONVENE_UPSTREAM_SERVERS: servers,
      // Never asked: no upstream here is a name. Required by the resolver line all the same.
      NGINX_LOCAL_RESOLVERS: '127.0.0.1',
    }),
  );
  // The part the official image's own nginx.conf plays in compose, with relative paths under
  // the prefix instead of the compiled-in /var paths an unprivileged user cannot write.
  writeFileSync(
    path.join(prefix, 'nginx.conf'),
    [
      'worker_processes 1;',
      'pid nginx.pid;',
      'error_log stderr warn;',
      'daemon off;',
      'events { worker_connections 1024; }',
      'http {',
      '  access_log off;',
      '  client_body_temp_path tmp/body;',
      '  proxy_temp_path tmp/proxy;',
      '  fastcgi_temp_path tmp/fastcgi;',
      '  uwsgi_temp_path tmp/uwsgi;',
      '  scgi_temp_path tmp/scgi;',
      '  include convene.conf;',
      '}',
      '',
    ].join('\n'),
  );

  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    for (const dir of [prefix, path.join(prefix, 'tmp')]) chownSync(dir, 65534, 65534);
  }
  const nginxArgs = ['-p', `${prefix}/`, '-c', 'nginx.conf', '-e', 'stderr'];
  const [command, args] = asRoot
    ? ['runuser', ['-u', 'nobody', '--', nginxBinary(), ...nginxArgs]]
    : [nginxBinary(), nginxArgs];
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let output = '';
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const masterPid = () => {
    const file = path.join(prefix, 'nginx.pid');
    return existsSync(file) ? Number(readFileSync(file, 'utf8').trim()) : undefined;
  };
  const kill = () => {
    const pid = masterPid();
    if (pid) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone already
      }
    }
    child.kill('SIGKILL');
  };
  // Never outlive the test process, even when its afterAll does not run.
  process.once('exit', kill);

  const deadline = Date.now() + 10_000;
  while (!(await accepts(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      kill();
      throw new Error(`nginx did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    output: () => output,
    stop: async () => {
      // QUIT: graceful, like `docker stop` of the official image (STOPSIGNAL SIGQUIT).
      const pid = masterPid();
      if (pid && child.exitCode === null) process.kill(pid, 'SIGQUIT');
      const forced = setTimeout(kill, 5000);
      await exited;
      clearTimeout(forced);
      process.off('exit', kill);
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}
