import * as fs from 'fs';
import * as path from 'path';
import { Construct } from 'constructs';
import { Project } from 'projen';
import {
  Compliance, DistrolessPythonBase, FoundationService, HealthCheck, JavaBase, Layer, LucidApp, LucidService,
  LucidServiceProps, NodeBase, Plane, RuntimeFamily, SecretSource, ServiceRuntime, StaticBase, Testing,
} from '../../src';
import { isConstructError, isSynthesisError } from '../../src/core/errors';
import { synthWithoutPost } from '../../src/testing';

// The bad-input catalogue: what a careless user (or an attacker) gives the constructs. Each case must stop
// synthesis with a message that names the construct the user wrote (its path, in brackets), says what is wrong
// and how to fix it, and must leave the project's folder as it was: nothing half-written.

/** A valid Python service; `over` replaces props. */
function svc(app: any, id: string, over: Partial<LucidServiceProps> = {}): LucidService {
  return new LucidService(app, id, {
    plane: Plane.OPS,
    layer: Layer.CORE_SUPPORT,
    description: 'a service',
    directory: `apps/${id}`,
    port: 8080,
    runtime: ServiceRuntime.python({}),
    ...over,
  });
}

/** A valid foundation service; `over` replaces props. */
function redis(app: any, id: string, over: any = {}): FoundationService {
  return new FoundationService(app, id, {
    image: 'redis:8.0',
    port: 6379,
    user: '999:999',
    healthCheck: HealthCheck.exec(['/usr/local/bin/redis-cli', 'ping']),
    ...over,
  });
}

interface Case {
  /** What the user did wrong. */
  readonly name: string;
  /** Props of the app. */
  readonly app?: any;
  /** Adds the bad input to the app. */
  readonly build?: (app: LucidApp) => void;
  /** The path (below the project) of the construct the message must name. */
  readonly at: string;
  /** Words of the fix the message must give. */
  readonly fix: string;
}

const CASES: Case[] = [
  // shell injection into builder RUN lines (#14 defect 1)
  { name: 'a shell command in StaticBase.builderPackages', build: app => new StaticBase(app, 'static', { directory: 'bases/static', builderPackages: ['curl; touch /pwned'] }), at: 'Lucid/static', fix: 'use lower-case letters, digits' },
  { name: 'a command substitution in StaticBase.binaries', build: app => new StaticBase(app, 'static', { directory: 'bases/static', binaries: ['/usr/bin/$(id)'] }), at: 'Lucid/static', fix: 'must be an absolute path without' },
  { name: 'a shell command in JavaBase.jlinkModules', build: app => new JavaBase(app, 'java', { directory: 'bases/java', jlinkModules: ['jdk.httpserver;id'] }), at: 'Lucid/java', fix: 'use dot-separated identifiers' },
  { name: 'a shell command in a Java service\'s jlinkModules', build: app => svc(app, 'api', { runtime: ServiceRuntime.java({ jlinkModules: ['java.base,$(id)'] }) }), at: 'Lucid/api', fix: 'use dot-separated identifiers' },
  { name: 'a shell command in a Debian service\'s packages', build: app => svc(app, 'api', { runtime: ServiceRuntime.debianPackages({ packages: ['tor && id'], programs: ['/usr/bin/tor'] }) }), at: 'Lucid/api', fix: 'use lower-case letters, digits' },
  { name: 'a relative program of a Debian service', build: app => svc(app, 'api', { runtime: ServiceRuntime.debianPackages({ packages: ['tor'], programs: ['tor'] }) }), at: 'Lucid/api', fix: 'e.g. "/usr/bin/tor"' },
  { name: 'a JVM option with a newline', build: app => svc(app, 'api', { runtime: ServiceRuntime.java({ jvmOptions: ['-Xmx1g\nRUN id'] }) }), at: 'Lucid/api', fix: 'each starts with "-" and holds no control characters' },

  // files written outside the project (#14 defect 2)
  { name: 'a bake file outside the project', app: { bake: { fileName: '../x.hcl' } }, at: 'Lucid', fix: 'give a path inside it' },
  { name: 'a compose file outside the project', app: { compose: { fileName: '../x.yml' } }, at: 'Lucid', fix: 'give a path inside it' },
  { name: 'an absolute base compose file', app: { compose: { baseFileName: '/tmp/base.yml' } }, at: 'Lucid', fix: 'give a path relative to the project' },
  { name: 'an app folder outside the project', app: { outdir: '../elsewhere' }, at: 'Lucid', fix: 'must be a relative folder inside the project' },
  { name: 'a compliance report outside the project', app: { compliance: { reportFile: '../COMPLIANCE.md' } }, at: 'Lucid', fix: 'e.g. "COMPLIANCE.md"' },
  { name: 'a stack overview outside the project', app: { overview: { fileName: '../STACK.md' } }, at: 'Lucid', fix: 'e.g. "STACK.md"' },
  { name: 'a service directory outside the app', build: app => svc(app, 'api', { directory: '../api' }), at: 'Lucid/api', fix: 'must be a folder inside the app\'s folder' },
  { name: 'an absolute service directory', build: app => svc(app, 'api', { directory: '/srv/api' }), at: 'Lucid/api', fix: 'must be a folder inside the app\'s folder' },

  // paths that consumers read differently (#14 defect 3)
  { name: 'a backslash in a directory', build: app => svc(app, 'api', { directory: 'apps\\api' }), at: 'Lucid/api', fix: 'separate folders with "/"' },
  { name: 'a backslash in the app folder', app: { outdir: 'a\\b' }, at: 'Lucid', fix: 'separate folders with "/"' },
  { name: 'a leading ~ in a directory', build: app => svc(app, 'api', { directory: '~/api' }), at: 'Lucid/api', fix: 'give a path relative to the project' },
  { name: 'a ~ as a secret file', build: app => redis(app, 'cache', { secrets: [{ name: 'token', source: SecretSource.FILE, location: '~' }] }), at: 'Lucid/cache', fix: 'give a path relative to the project' },
  { name: 'a path component over 255 bytes', build: app => svc(app, 'api', { directory: `apps/${'x'.repeat(256)}` }), at: 'Lucid/api', fix: 'shorten it' },
  { name: 'an unpaired surrogate in the app folder', app: { outdir: 'out\ud800' }, at: 'Lucid', fix: 'use printable characters only' },
  { name: 'a newline in a directory', build: app => svc(app, 'api', { directory: 'apps/a\nb' }), at: 'Lucid/api', fix: 'use printable characters only' },
  { name: 'a ${{ in a directory', build: app => svc(app, 'api', { directory: 'apps/${{ secrets.X }}' }), at: 'Lucid/api', fix: 'rename it' },
  { name: 'two images in one directory', build: app => { svc(app, 'api', { directory: 'apps/x' }); svc(app, 'web', { directory: 'apps/x', port: 8081 }); }, at: 'Lucid/web', fix: 'give each image and service a directory of its own' },

  // a COPY source read as a heredoc (#14 defect 4)
  { name: 'a Python source starting with <<', build: app => svc(app, 'api', { runtime: ServiceRuntime.python({ source: '<<EOF' }) }), at: 'Lucid/api/Dockerfile/runtime', fix: 'rename it' },
  { name: 'a Node source starting with <<', build: app => svc(app, 'api', { runtime: ServiceRuntime.nodejs({ sources: ['<<EOF'] }) }), at: 'Lucid/api/Dockerfile/builder', fix: 'rename it' },

  // YAML the consumer would refuse (#14 defect 5)
  { name: 'a newline in a foundation env name', build: app => redis(app, 'cache', { env: { 'A\nB': 'x' } }), at: 'Lucid/cache', fix: 'use printable characters without spaces, line breaks or "="' },

  // accepted silently before (#14 defect 7)
  { name: 'a foundation service and a service with one id in two scopes', build: app => { redis(app, 'api'); svc(new Construct(app, 'group'), 'api', { port: 8081 }); }, at: 'Lucid/api', fix: 'give one of them another id' },
  { name: 'one secret name with two files in two services', build: app => { redis(app, 'cache', { secrets: [{ name: 'token', source: SecretSource.FILE, location: 'secrets/a' }] }); redis(app, 'queue', { port: 6380, secrets: [{ name: 'token', source: SecretSource.FILE, location: 'secrets/b' }] }); }, at: 'Lucid/queue', fix: 'give one of them another name, or both the same source' },
  { name: 'two images with one imageName', build: app => { svc(app, 'api', { imageName: 'same' }); svc(app, 'web', { imageName: 'same', port: 8081 }); }, at: 'Lucid/web', fix: 'give one of them another imageName or tag' },
  { name: 'a space in an env name', build: app => svc(app, 'api', { env: { 'MY VAR': 'x' } }), at: 'Lucid/api', fix: 'use letters, digits and "_"' },
  { name: 'an empty Python module', build: app => svc(app, 'api', { runtime: ServiceRuntime.python({ module: '' }) }), at: 'Lucid/api', fix: 'give a dotted name such as "app.main"' },
  { name: 'a foundation service running as root', build: app => redis(app, 'cache', { user: 'root' }), at: 'Lucid/cache', fix: 'give the non-root uid the image runs as' },
  { name: 'a foundation user with a space', build: app => redis(app, 'cache', { user: 'redis user' }), at: 'Lucid/cache', fix: 'give user or user:group' },
  { name: 'a foundation service running as uid 0', build: app => redis(app, 'cache', { user: '0:0' }), at: 'Lucid/cache', fix: 'give the non-root uid the image runs as' },

  // rejected without the construct path before (#14 defect 8)
  { name: 'a NUL in an env value', build: app => svc(app, 'api', { env: { A: 'x\0y' } }), at: 'Lucid/api', fix: 'remove it' },
  { name: 'a C1 control in a description', build: app => svc(app, 'api', { description: 'a\u0085b' }), at: 'Lucid/api', fix: 'remove it' },
  { name: 'a line separator in a foundation env value', build: app => redis(app, 'cache', { env: { A: 'x\u2028y' } }), at: 'Lucid/cache', fix: 'remove it' },
  { name: 'a byte-order mark in a version', build: app => svc(app, 'api', { version: '\ufeff1.0' }), at: 'Lucid/api', fix: 'remove it' },
  { name: 'non-NFC text in a description', build: app => svc(app, 'api', { description: 'cafe\u0301' }), at: 'Lucid/api', fix: 'normalize it with .normalize(\'NFC\')' },
  { name: 'a dependency cycle', build: app => { const a = svc(app, 'a'); const b = svc(app, 'b', { port: 8081, dependsOn: [a] }); a.addDependency(b); }, at: 'Lucid/a', fix: 'a => b => a, which compose cannot start and CI cannot order: remove one of these dependencies' },
  { name: 'two services on one host port', app: { compose: { publishPorts: true } }, build: app => { svc(app, 'api'); svc(app, 'web'); }, at: 'Lucid/web', fix: 'give one of them another port, or publish no ports' },
  { name: 'an invalid foundation id', build: app => redis(app, 'redis db'), at: 'Lucid/redis db', fix: 'use lower case letters, digits' },
  { name: 'an invalid service id', build: app => svc(app, 'API service'), at: 'Lucid/API service', fix: 'use letters, digits, "-" and "_"' },
  { name: 'an empty id', build: app => svc(app, ''), at: 'Lucid', fix: 'give it one such as "api"' },
  { name: 'a Python family for a Node service', build: app => svc(app, 'api', { runtime: ServiceRuntime.nodejs({ family: RuntimeFamily.PYTHON3_DEBIAN13 }) }), at: 'Lucid/api', fix: 'use one of nodejs20-debian12' },
  { name: 'a Java family for a Python base', build: app => new DistrolessPythonBase(app, 'py', { directory: 'bases/py', family: RuntimeFamily.JAVA21_DEBIAN13 }), at: 'Lucid/py', fix: 'use one of python3-debian12, python3-debian13' },

  // rejected without a fix before (#14 defect 9)
  { name: 'an invalid image reference', build: app => redis(app, 'cache', { image: 'Redis:8 0' }), at: 'Lucid/cache', fix: 'write [registry/]repository[:tag][@digest]' },
  { name: 'a self dependency', build: app => { const a = svc(app, 'api'); a.addDependency(a); }, at: 'Lucid/api', fix: 'remove it from dependsOn' },
  { name: 'a dependency on another app\'s service', build: app => { const other = Testing.app(); const x = svc(other, 'x'); svc(app, 'api', { dependsOn: [x] }); }, at: 'Lucid/api', fix: 'a service can only depend on services of its own app' },
  { name: 'one secret twice in a service', build: app => svc(app, 'api', { secrets: [{ name: 'token', source: SecretSource.FILE, location: 'secrets/t' }, { name: 'token', source: SecretSource.FILE, location: 'secrets/t' }] }), at: 'Lucid/api', fix: 'declare each secret of a service once' },
  { name: 'a host name as publishAddress', app: { compose: { publishPorts: true, publishAddress: 'localhost' } }, build: app => svc(app, 'api'), at: 'Lucid', fix: 'give one such as "127.0.0.1"' },
  { name: 'a relative tmpfs', build: app => redis(app, 'cache', { tmpfs: ['tmp'] }), at: 'Lucid/cache', fix: 'e.g. "/tmp"' },
  { name: 'a comma in a build-secret path', build: app => svc(app, 'api', { buildSecrets: [{ id: 'pip', source: SecretSource.FILE, location: 'secrets/a,b', target: '/run/secrets/pip' }] }), at: 'Lucid/api', fix: 'rename it' },
  { name: 'one id twice in a scope', build: app => { svc(app, 'api'); svc(app, 'api', { port: 8081 }); }, at: 'Lucid', fix: 'give each image and service of a scope an id of its own' },

  // numbers and words out of range
  { name: 'port 0', build: app => svc(app, 'api', { port: 0 }), at: 'Lucid/api', fix: 'use a whole number from 1 to 65535' },
  { name: 'port 70000', build: app => svc(app, 'api', { port: 70000 }), at: 'Lucid/api', fix: 'use a whole number from 1 to 65535' },
  { name: 'a fractional port', build: app => redis(app, 'cache', { port: 6379.5 }), at: 'Lucid/cache', fix: 'use a whole number from 1 to 65535' },
  { name: 'an HTTP health path without /', build: app => svc(app, 'api', { healthCheck: HealthCheck.http({ path: 'health' }) }), at: 'Lucid/api', fix: 'must start with "/"' },
  { name: 'a negative health interval', build: app => svc(app, 'api', { healthCheck: HealthCheck.http({ intervalSeconds: -1 }) }), at: 'Lucid/api', fix: 'must be a whole number >= 1' },
  { name: 'zero health retries', build: app => svc(app, 'api', { healthCheck: HealthCheck.http({ retries: 0 }) }), at: 'Lucid/api', fix: 'must be a whole number >= 1' },
  { name: 'an empty exec health check', build: app => redis(app, 'cache', { healthCheck: HealthCheck.exec([]) }), at: 'Lucid/cache', fix: 'e.g. ["/usr/bin/redis-cli", "ping"]' },
  { name: 'a relative exec health program', build: app => redis(app, 'cache', { healthCheck: HealthCheck.exec(['redis-cli', 'ping']) }), at: 'Lucid/cache', fix: 'give the absolute path of a binary' },
  { name: 'a negative size budget', build: app => svc(app, 'api', { sizeBudgetMb: -1 }), at: 'Lucid/api', fix: 'must be a positive number of MB' },
  { name: 'an invalid image tag', build: app => new DistrolessPythonBase(app, 'py', { directory: 'bases/py', tag: '-x' }), at: 'Lucid/py', fix: 'up to 128 letters, digits' },
  { name: 'an invalid imageName', build: app => svc(app, 'api', { imageName: 'My Image' }), at: 'Lucid/api', fix: 'use lower case letters and digits' },
  { name: 'an invalid app tag', app: { tag: 'v 1' }, at: 'Lucid', fix: 'up to 128 letters, digits' },
  { name: 'an invalid registry', app: { registry: 'Reg istry' }, at: 'Lucid', fix: 'e.g. "pickme" or "ghcr.io/lucid"' },
  { name: 'an unknown platform', app: { platforms: ['linux/sparc'] }, at: 'Lucid', fix: 'use linux/amd64, linux/arm64' },
  { name: 'an asOf date that is not ISO', app: { asOf: '1 May 2026' }, at: 'Lucid', fix: 'YYYY-MM-DD' },
  { name: 'a newline in the maintainer', app: { maintainer: 'a\nb' }, at: 'Lucid', fix: 'must be one line of printable text' },
  { name: 'an invalid app name', app: { name: 'My App' }, at: 'Lucid', fix: 'use lower case letters, digits, "-" and "_"' },
  { name: 'an env name starting with a digit', build: app => svc(app, 'api', { env: { '1A': 'x' } }), at: 'Lucid/api', fix: 'not starting with a digit' },
  { name: 'an env value overriding PORT', build: app => svc(app, 'api', { env: { PORT: '9999' } }), at: 'Lucid/api', fix: 'remove it from env' },
  { name: 'a secret name with a space', build: app => svc(app, 'api', { secrets: [{ name: 'my token', source: SecretSource.FILE, location: 'secrets/t' }] }), at: 'Lucid/api', fix: 'use lower case letters, digits, "-" and "_"' },
  { name: 'an invalid secret envVar', build: app => svc(app, 'api', { secrets: [{ name: 'token', source: SecretSource.ENVIRONMENT, location: 'TOKEN', envVar: 'A-B' }] }), at: 'Lucid/api', fix: 'use letters, digits and "_", not starting with a digit' },
  { name: 'a credential in env', build: app => svc(app, 'api', { env: { DB_PASSWORD: 'hunter2' } }), at: 'Lucid/api', fix: 'declare it in "secrets" instead' },
  { name: 'a talksTo of itself', build: app => { const a = svc(app, 'api'); a.addTalksTo(a); }, at: 'Lucid/api', fix: 'remove it from talksTo' },
  { name: 'a dependency on a base image', build: app => { const py = new DistrolessPythonBase(app, 'py', { directory: 'bases/py' }); svc(app, 'api', { dependsOn: [py as any] }); }, at: 'Lucid/api', fix: 'depend on a service (LucidService or FoundationService)' },
  { name: 'a dependency on a higher layer', build: app => { const top = svc(app, 'top', { layer: Layer.ADVANCED }); svc(app, 'api', { port: 8081, layer: Layer.CORE_SUPPORT, dependsOn: [top] }); }, at: 'Lucid/api', fix: 'remove the dependency on top' },
  { name: 'a dataPath that compose would rewrite', build: app => redis(app, 'cache', { dataPath: '/data/../etc' }), at: 'Lucid/cache', fix: 'write it as compose reads it' },
  { name: 'a tmpfs with a colon', build: app => redis(app, 'cache', { tmpfs: ['/tmp:exec'] }), at: 'Lucid/cache', fix: 'rename the folder' },
  { name: 'a relative foundation dataPath', build: app => redis(app, 'cache', { dataPath: 'data' }), at: 'Lucid/cache', fix: 'e.g. "/data"' },
  { name: 'an undefined layer (from JavaScript)', build: app => svc(app, 'api', { layer: undefined as any }), at: 'Lucid/api', fix: 'use one of Layer.CORE_SUPPORT' },
  { name: 'a plane that is not a Plane', build: app => svc(app, 'api', { plane: 'ops ' as any }), at: 'Lucid/api', fix: 'use one of Plane.OPS' },
  { name: 'a platform twice', app: { platforms: ['linux/amd64', 'linux/amd64'] }, at: 'Lucid', fix: 'name each once' },
  { name: 'a build secret and a runtime secret of one name from two files', build: app => svc(app, 'api', { secrets: [{ name: 'npmrc', source: SecretSource.FILE, location: 'secrets/a' }], buildSecrets: [{ id: 'npmrc', source: SecretSource.FILE, location: 'secrets/b', target: '/run/secrets/npmrc' }] }), at: 'Lucid/api', fix: 'give one of them another name, or both the same source' },
  { name: 'a service id that a base image has', build: app => { new DistrolessPythonBase(app, 'py', { directory: 'bases/py' }); redis(new Construct(app, 'data'), 'py'); }, at: 'Lucid/data/py', fix: 'give one of them another id' },
  { name: 'an invalid build-secret id', build: app => svc(app, 'api', { buildSecrets: [{ id: 'a b', source: SecretSource.FILE, location: 'secrets/a', target: '/run/secrets/a' }] }), at: 'Lucid/api', fix: 'e.g. "pip-index"' },
  { name: 'a relative build-secret target', build: app => svc(app, 'api', { buildSecrets: [{ id: 'pip', source: SecretSource.FILE, location: 'secrets/a', target: 'run/a' }] }), at: 'Lucid/api', fix: 'give one such as "/run/secrets/pip"' },
  { name: 'a requirements file outside the context', build: app => svc(app, 'api', { runtime: ServiceRuntime.python({ requirements: '../requirements.txt' }) }), at: 'Lucid/api/Dockerfile/builder', fix: 'move the file into the context folder' },
  { name: 'a Python main outside the context', build: app => svc(app, 'api', { runtime: ServiceRuntime.python({ main: '../main.py' }) }), at: 'Lucid/api', fix: 'give a path inside it' },
  { name: 'both main and module', build: app => svc(app, 'api', { runtime: ServiceRuntime.python({ main: 'main.py', module: 'app' }) }), at: 'Lucid/api', fix: 'give main (a file to run) or module (python -m), not both' },
  { name: 'a Java artifact outside the context', build: app => svc(app, 'api', { runtime: ServiceRuntime.java({ artifact: '../x.jar' }) }), at: 'Lucid/api', fix: 'give a path inside it' },
  { name: 'a Node main with a ..', build: app => svc(app, 'api', { runtime: ServiceRuntime.nodejs({ main: '../index.js' }) }), at: 'Lucid/api', fix: 'give a path inside it' },
  { name: 'a Go package path with a shell word', build: app => svc(app, 'api', { runtime: ServiceRuntime.golang({ packagePath: './cmd/x;id' }) }), at: 'Lucid/api', fix: 'give "." or a relative path such as "./cmd/server"' },
  { name: 'a suppression without a reason', build: app => { const a = svc(app, 'api'); Compliance.suppress(a, 'LUCID-IMG1', ''); }, at: 'Lucid/api', fix: 'says why the rule does not apply here' },
  { name: 'a base image with no port', build: app => new NodeBase(app, 'node', { directory: 'bases/node', ports: [0] }), at: 'Lucid/node/Dockerfile/runtime', fix: 'use a whole number from 1 to 65535' },
];

/** A message about a generated file or another output rather than the construct the user wrote. */
const EMITTER = /^\[[^\]]*\/Lucid\/(Bake|Compose|Workflows|Compliance|Overview)[\]/]/;

/** The construct path a message names, without the project's own path (the root of the tree). */
function at(message: string): string {
  const named = message.slice(1, message.indexOf(']'));
  return named.slice(named.indexOf('/') + 1);
}

/** Every file below `dir`, relative. */
function listing(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full); else out.push(path.relative(dir, full));
    }
  };
  walk(dir);
  return out.sort();
}

test('the catalogue holds at least 60 cases, each named once', () => {
  expect(CASES.length).toBeGreaterThanOrEqual(60);
  expect(new Set(CASES.map(c => c.name)).size).toBe(CASES.length);
});

describe('the bad-input catalogue', () => {
  test.each(CASES)('$name', (c) => {
    const project: Project = Testing.project();
    const before = listing(project.outdir);
    let messages: string[] = [];
    try {
      const app = new LucidApp(project, 'Lucid', c.app ?? {});
      c.build?.(app);
      synthWithoutPost(project);
    } catch (e: any) {
      if (isSynthesisError(e)) messages = e.problems;
      else if (isConstructError(e)) messages = [e.message];
      else messages = [`UNTYPED ${e?.message}`];
    }
    // THEN: stopped, by a message that names the construct (no emitter) and says the fix
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.filter(m => !/^\[/.test(m) || EMITTER.test(m))).toEqual([]);
    expect(messages.filter(m => at(m) === c.at)).toContainEqual(expect.stringContaining(c.fix));
    // and nothing written
    expect(listing(project.outdir)).toEqual(before);
  });
});
