import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { defineLucidStack } from '../../examples/lucid/stack';
import { FoundationService, HealthCheck, IDigestResolver, ImageLock, ImagetoolsResolver, LucidApp, Testing } from '../../src';
import { legacyDockerfile } from '../compliance/fixtures/builders';
import { findingsOf } from '../compliance/util';
import { referenceApp } from '../util/reference-stack';

const D1 = `sha256:${'1'.repeat(64)}`;
const D2 = `sha256:${'2'.repeat(64)}`;

/** Writes `lock` as the app's lock file, in its folder. */
function writeLock(app: LucidApp, lock: ImageLock, file = 'images.lock.json'): void {
  lock.save(path.join(app.project.outdir, app.outdir, file));
}

/** An app with a lock, a hand-written Dockerfile (builder debian:13-slim, runtime distroless) and Redis. */
function lockedApp(lock?: ImageLock) {
  const app = Testing.app({ imageLock: {} });
  const legacy = legacyDockerfile(app, { copies: ['/opt/venv'] });
  legacy.runtime.addCopy(['/bin/busybox'], '/bin/busybox', { fromImage: 'busybox:1.37' });
  const redis = new FoundationService(app, 'redis', { image: 'redis:8.0', port: 6379, healthCheck: HealthCheck.exec(['/usr/bin/redis-cli', 'ping']) });
  if (lock) {
    writeLock(app, lock);
  }
  return { app, ...legacy, redis };
}

class TableResolver implements IDigestResolver {
  public readonly asked: string[] = [];
  constructor(private readonly digests: { [ref: string]: string }) {}
  public resolveDigest(reference: string): string {
    this.asked.push(reference);
    const d = this.digests[reference];
    if (d === undefined) {
      throw new Error(`manifest unknown: ${reference}`);
    }
    return d;
  }
}

afterEach(() => {
  delete process.env.LUCID_IMAGE_LOCK;
  delete process.env.LUCID_PIN_MIRROR;
});

describe('an app with an image lock', () => {
  test('writes name:tag@digest for the images in the lock, in FROM, COPY --from and compose image', () => {
    // GIVEN a lock of the builder, busybox and Redis, but not the distroless runtime
    const { app, dockerfile } = lockedApp(ImageLock.fromEntries([
      { name: 'debian', tag: '13-slim', digest: D1 },
      { name: 'busybox', tag: '1.37', digest: D2 },
      { name: 'redis', tag: '8.0', digest: D2 },
    ]));

    // and an app of the same lock with Redis alone (the hand-written Dockerfile is no Lucid image to synthesize)
    const composeApp = Testing.app({ imageLock: {} });
    new FoundationService(composeApp, 'redis', { image: 'redis:8.0', port: 6379, user: '999:999', healthCheck: HealthCheck.exec(['/usr/bin/redis-cli', 'ping']) });
    writeLock(composeApp, app.imageLock!);

    // WHEN rendered
    const text = dockerfile.render();
    const compose = Testing.synth(composeApp)['docker-compose.yml'];

    // THEN the locked images carry their digest, the other is written as the app names it
    expect(text).toContain(`FROM debian:13-slim@${D1} AS builder\n`);
    expect(text).toContain('FROM gcr.io/distroless/python3-debian13:nonroot AS runtime\n');
    expect(text).toContain(`COPY --from=busybox:1.37@${D2} /bin/busybox /bin/busybox\n`);
    expect(compose).toContain(`image: redis:8.0@${D2}\n`);
  });

  test('LUCID-IMG5 passes from the lock; an image missing from it is a warning that names npx projen pin', () => {
    // GIVEN
    const { app, runtime } = lockedApp(ImageLock.fromEntries([
      { name: 'debian', tag: '13-slim', digest: D1 },
      { name: 'busybox', tag: '1.37', digest: D2 },
      { name: 'redis', tag: '8.0', digest: D2 },
    ]));

    // WHEN
    const findings = findingsOf(app, 'LUCID-IMG5');

    // THEN
    expect(findings.map(f => [f.path, f.value])).toEqual([[runtime.node.path, 'FROM "gcr.io/distroless/python3-debian13:nonroot"']]);
    expect(findings[0].fix).toContain('run `npx projen pin`, which adds gcr.io/distroless/python3-debian13:nonroot with its index digest');
  });

  test('without a lock file, nothing is pinned and every external image is a warning naming the task', () => {
    const { app, dockerfile } = lockedApp();
    expect(dockerfile.render()).toContain('FROM debian:13-slim AS builder\n');
    expect(app.imageLock!.entries).toEqual([]);
    expect(findingsOf(app, 'LUCID-IMG5').map(f => f.fix).every(f => f.includes('npx projen pin'))).toBe(true);
  });

  test('an app without imageLock reads no lock, even with a lock file in its folder', () => {
    const app = Testing.app();
    const { dockerfile } = legacyDockerfile(app);
    writeLock(app, ImageLock.fromEntries([{ name: 'debian', tag: '13-slim', digest: D1 }]));
    expect(app.imageLock).toBeUndefined();
    expect(dockerfile.render()).toContain('FROM debian:13-slim AS builder\n');
    expect(findingsOf(app, 'LUCID-IMG5')[0].fix).toContain('pin it as debian:13-slim@sha256:<digest>');
  });

  test('$LUCID_IMAGE_LOCK names another lock file for one run, and the committed one is not read', () => {
    // GIVEN a committed lock and another one elsewhere
    const other = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lucid-lock-')), 'stand-ins.lock.json');
    ImageLock.fromEntries([{ name: 'debian', tag: '13-slim', digest: D2 }]).save(other);
    process.env.LUCID_IMAGE_LOCK = other;
    const { app, dockerfile } = lockedApp(ImageLock.fromEntries([{ name: 'debian', tag: '13-slim', digest: D1 }]));

    // WHEN / THEN
    expect(app.imageLockFile).toEqual(other);
    expect(dockerfile.render()).toContain(`FROM debian:13-slim@${D2} AS builder\n`);
  });

  test('a lock file of another name in the app folder', () => {
    const app = Testing.app({ imageLock: { file: 'locks/images.json' } });
    const { dockerfile } = legacyDockerfile(app);
    fs.mkdirSync(path.join(app.project.outdir, 'locks'));
    writeLock(app, ImageLock.fromEntries([{ name: 'debian', tag: '13-slim', digest: D1 }]), 'locks/images.json');
    expect(dockerfile.render()).toContain(`FROM debian:13-slim@${D1} AS builder\n`);
  });

  test('an invalid lock file stops synthesis with the app path and the fix, before any file is written', () => {
    const { app } = lockedApp();
    fs.writeFileSync(app.imageLockFile!, '{ "images": [ { "name": "debian", "tag": "13-slim", "digest": "sha256:abc" } ] }');
    const problems = Testing.problems(app);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^\[[^\]]*\/Lucid\] invalid image lock .*images\.lock\.json \(rewrite it with `npx projen pin`[\s\S]*entry 1: digest "sha256:abc" must be sha256: and 64 lower-case hex digits/);
    expect(fs.existsSync(path.join(app.project.outdir, 'docker-compose.yml'))).toBe(false);
  });
});

describe('LucidApp.pinImages', () => {
  test('locks every external image of the reference stack, sorted, and never an image of the app', () => {
    // GIVEN the reference stack and a resolver that knows every image
    const app = defineLucidStack(Testing.project(), '.');
    const resolver = new TableResolver(new Proxy({}, { get: (_t, ref) => typeof ref === 'string' && !ref.startsWith('pickme/') ? D1 : undefined }));

    // WHEN
    const lock = app.pinImages(resolver);

    // THEN each name:tag once, sorted: runtimes, builders, the probe's builder and the foundation services' images
    expect(lock.entries.map(e => `${e.name}:${e.tag}`)).toEqual([
      'debian:13-slim',
      'docker.elastic.co/elasticsearch/elasticsearch:8.19.0',
      'eclipse-temurin:21-jdk',
      'gcr.io/distroless/base-debian13:nonroot',
      'gcr.io/distroless/cc-debian13:nonroot',
      'gcr.io/distroless/nodejs22-debian13:nonroot',
      'gcr.io/distroless/python3-debian13:nonroot',
      'gcr.io/distroless/static-debian13:nonroot',
      'golang:1.24-trixie',
      'maven:3.9-eclipse-temurin-21',
      'mongo:8.0',
      'node:22-trixie-slim',
    ]);
    expect(resolver.asked).toEqual([...resolver.asked].sort());
    expect(lock.entries.every(e => e.digest === D1)).toBe(true);
  });

  test('the committed lock of the reference stack holds a subset of exactly these images', () => {
    const app = defineLucidStack(Testing.project(), '.');
    const wanted = app.pinImages(new TableResolver(new Proxy({}, { get: () => D1 }))).entries.map(e => `${e.name}:${e.tag}`);
    const committed = ImageLock.load(path.join(__dirname, '..', '..', 'examples', 'lucid', 'images.lock.json'));
    expect(committed.entries.map(e => `${e.name}:${e.tag}`).filter(r => !wanted.includes(r))).toEqual([]);
  });

  test('lists every image it could not resolve, and what the resolver said', () => {
    const { app } = lockedApp();
    expect(() => app.pinImages(new TableResolver({ 'debian:13-slim': D1, 'busybox:1.37': 'latest' })))
      .toThrow(/could not resolve[\s\S]*busybox:1.37: the resolver gave "latest"[\s\S]*gcr.io\/distroless\/python3-debian13:nonroot: manifest unknown[\s\S]*redis:8.0: manifest unknown/);
  });

  test('its lock, saved, is what synthesis pins from', () => {
    const pinned = lockedApp().app.pinImages(new TableResolver(new Proxy({}, { get: () => D2 })));
    const { app, dockerfile } = lockedApp(pinned);
    expect(dockerfile.render()).toContain(`FROM gcr.io/distroless/python3-debian13:nonroot@${D2} AS runtime\n`);
    expect(findingsOf(app, 'LUCID-IMG5')).toEqual([]);
  });
});

describe('ImagetoolsResolver', () => {
  /** A stand-in docker CLI that records its arguments and prints imagetools' JSON for the manifest. */
  function fakeDocker(): { docker: string; argsFile: string } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lucid-docker-'));
    const argsFile = path.join(dir, 'args');
    const docker = path.join(dir, 'docker');
    fs.writeFileSync(docker, `#!/bin/sh\nprintf '%s\\n' "$@" > '${argsFile}'\nprintf '{"mediaType":"application/vnd.oci.image.index.v1+json","digest":"${D1}","size":1}\\n'\n`, { mode: 0o755 });
    return { docker, argsFile };
  }

  test('asks docker buildx imagetools inspect for the manifest, and returns its digest', () => {
    const { docker, argsFile } = fakeDocker();
    expect(new ImagetoolsResolver({ docker }).resolveDigest('gcr.io/distroless/static-debian13:nonroot')).toEqual(D1);
    expect(fs.readFileSync(argsFile, 'utf-8').split('\n').filter(a => a !== '')).toEqual([
      'buildx', 'imagetools', 'inspect', 'gcr.io/distroless/static-debian13:nonroot', '--format', '{{json .Manifest}}',
    ]);
  });

  test('looks images up under a mirror by their full name: the option, else $LUCID_PIN_MIRROR', () => {
    const { docker, argsFile } = fakeDocker();
    process.env.LUCID_PIN_MIRROR = '127.0.0.1:5000';
    const resolver = new ImagetoolsResolver({ docker });
    expect(resolver.inspectedReference('gcr.io/distroless/static-debian13:nonroot')).toEqual('127.0.0.1:5000/gcr.io/distroless/static-debian13:nonroot');
    expect(resolver.inspectedReference('debian:13-slim')).toEqual('127.0.0.1:5000/debian:13-slim');
    resolver.resolveDigest('debian:13-slim');
    expect(fs.readFileSync(argsFile, 'utf-8')).toContain('127.0.0.1:5000/debian:13-slim\n');
    expect(new ImagetoolsResolver({ mirror: 'localhost:5001/' }).inspectedReference('mongo:8.0')).toEqual('localhost:5001/mongo:8.0');
    delete process.env.LUCID_PIN_MIRROR;
    expect(new ImagetoolsResolver().inspectedReference('mongo:8.0')).toEqual('mongo:8.0');
  });
});

describe('the reference stack and its committed lock', () => {
  const EXAMPLE_LOCK = path.join(__dirname, '..', '..', 'examples', 'lucid', 'images.lock.json');

  test('LUCID-IMG5 finds only the images the lock does not hold', () => {
    const app = referenceApp();
    const locked = ImageLock.load(EXAMPLE_LOCK);
    const missing = findingsOf(app, 'LUCID-IMG5').map(f => f.value);
    // Elasticsearch: no published index digest of 8.19.0 was found to lock (see the lock); every other image is pinned.
    expect(missing).toEqual(['image "docker.elastic.co/elasticsearch/elasticsearch:8.19.0"']);
    expect(locked.digestOf('docker.elastic.co/elasticsearch/elasticsearch:8.19.0')).toBeUndefined();
  });

  test('changing one digest in the lock changes exactly the lines that use it', () => {
    // GIVEN the reference stack synthesized from its lock, and again with the digest of distroless base changed
    const before = Testing.synth(referenceApp());
    const changedApp = referenceApp();
    const lock = ImageLock.load(EXAMPLE_LOCK);
    const ref = 'gcr.io/distroless/base-debian13:nonroot';
    const old = lock.digestOf(ref)!;
    ImageLock.fromEntries(lock.entries.map(e => `${e.name}:${e.tag}` === ref ? { ...e, digest: D2 } : e)).save(changedApp.imageLockFile!);

    // WHEN
    const after = Testing.synth(changedApp);

    // THEN the same files, and the only lines that differ are those that named the old digest, now the new one
    expect(Object.keys(after)).toEqual(Object.keys(before));
    const changed: string[] = [];
    for (const [file, text] of Object.entries(before)) {
      const a = text.split('\n');
      const b = after[file].split('\n');
      expect({ file, lines: b.length }).toEqual({ file, lines: a.length });
      a.forEach((line, i) => {
        if (line !== b[i]) {
          expect(b[i]).toEqual(line.split(`${ref}@${old}`).join(`${ref}@${D2}`));
          changed.push(`${file}: ${b[i]}`);
        } else {
          expect(line).not.toContain(old);
        }
      });
    }
    expect(changed.length).toBeGreaterThanOrEqual(3);
    expect(changed.every(c => c.includes(`FROM ${ref}@${D2} AS `))).toBe(true);
  });
});
