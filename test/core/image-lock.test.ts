import * as fs from 'fs';
import * as path from 'path';
import { ImageLock } from '../../src';

const REPO = path.join(__dirname, '..', '..');
const D1 = `sha256:${'1'.repeat(64)}`;
const D2 = `sha256:${'2'.repeat(64)}`;

describe('ImageLock', () => {
  test('renders one entry per line, sorted by name and tag, and parses back to the same lock', () => {
    // GIVEN entries out of order
    const lock = ImageLock.fromEntries([
      { name: 'mongo', tag: '8.0', digest: D2 },
      { name: 'gcr.io/distroless/static-debian13', tag: 'nonroot', digest: D1 },
      { name: 'debian', tag: '13-slim', digest: D1 },
    ]);

    // WHEN rendered
    const text = lock.render();

    // THEN sorted, one line each, in a fixed key order, and stable through a parse
    const lines = text.split('\n').filter(l => l.includes('"digest"'));
    expect(lines).toEqual([
      `    { "name": "debian", "tag": "13-slim", "digest": "${D1}" },`,
      `    { "name": "gcr.io/distroless/static-debian13", "tag": "nonroot", "digest": "${D1}" },`,
      `    { "name": "mongo", "tag": "8.0", "digest": "${D2}" }`,
    ]);
    expect(ImageLock.parse(text).render()).toEqual(text);
    expect(JSON.parse(text).images).toHaveLength(3);
  });

  test('pins exactly the name:tag it holds, and nothing else', () => {
    const lock = ImageLock.fromEntries([{ name: 'debian', tag: '13-slim', digest: D1 }]);
    expect(lock.pin('debian:13-slim')).toEqual(`debian:13-slim@${D1}`);
    expect(lock.pin('debian:13')).toEqual('debian:13');
    expect(lock.pin('docker.io/library/debian:13-slim')).toEqual('docker.io/library/debian:13-slim');
    expect(lock.pin(`debian:13-slim@${D2}`)).toEqual(`debian:13-slim@${D2}`);
    expect(lock.digestOf('pickme/lucid-base:latest')).toBeUndefined();
  });

  test('rejects invalid entries, each with its fix, and an image locked twice', () => {
    expect(() => ImageLock.fromEntries([
      { name: 'Debian', tag: '13-slim', digest: D1 },
      { name: 'debian', tag: '13 slim', digest: D1 },
      { name: 'debian', tag: '13-slim', digest: 'sha256:abc' },
      { name: 'mongo', tag: '8.0', digest: D1 },
      { name: 'mongo', tag: '8.0', digest: D2 },
    ], 'images.lock.json')).toThrow(/invalid image lock images.lock.json[\s\S]*entry 1: name "Debian"[\s\S]*entry 2: tag "13 slim"[\s\S]*entry 3: digest "sha256:abc" must be sha256: and 64 lower-case hex digits[\s\S]*entry 5: mongo:8.0 is locked twice/);
    expect(() => ImageLock.parse('{ "images": ', 'x.json')).toThrow(/invalid image lock x.json .*\n.*it is not JSON/);
    expect(() => ImageLock.parse('{}', 'x.json')).toThrow(/it has no "images" list/);
  });

  test('a lock file that does not exist is an empty lock', () => {
    const lock = ImageLock.load(path.join(REPO, 'does-not-exist.lock.json'));
    expect(lock.entries).toEqual([]);
    expect(lock.pin('debian:13-slim')).toEqual('debian:13-slim');
  });
});

describe('the Renovate snippet of docs/image-lock.md', () => {
  const doc = fs.readFileSync(path.join(REPO, 'docs', 'image-lock.md'), 'utf-8');
  const snippet = JSON.parse(/```json\n(\{\n {2}"customManagers"[\s\S]*?)```/.exec(doc)![1]);
  const manager = snippet.customManagers[0];

  test('is a regex custom manager on the docker datasource that matches the lock files', () => {
    expect(manager.customType).toEqual('regex');
    expect(manager.datasourceTemplate).toEqual('docker');
    const pattern = /^\/(.*)\/$/.exec(manager.managerFilePatterns[0])![1];
    expect(new RegExp(pattern).test('examples/lucid/images.lock.json')).toBe(true);
    expect(new RegExp(pattern).test('images.lock.json')).toBe(true);
    expect(new RegExp(pattern).test('examples/lucid/docker-compose.yml')).toBe(false);
  });

  test('finds every entry of the committed lock with its name, tag and digest', () => {
    // GIVEN the reference stack's lock, as npx projen pin writes it
    const text = fs.readFileSync(path.join(REPO, 'examples', 'lucid', 'images.lock.json'), 'utf-8');
    const lock = ImageLock.parse(text);
    expect(lock.render()).toEqual(text);

    // WHEN Renovate's regex runs over it (every match, as matchStringsStrategy "any" does)
    const re = new RegExp(manager.matchStrings[0], 'g');
    const found = [...text.matchAll(re)].map(m => ({ name: m.groups!.depName, tag: m.groups!.currentValue, digest: m.groups!.currentDigest }));

    // THEN it finds each entry once, with the right groups
    expect(found).toEqual(lock.entries);
    expect(found.length).toBeGreaterThan(5);
  });

  test('finds entries with registry ports and dotted tags', () => {
    const text = ImageLock.fromEntries([
      { name: '127.0.0.1:5000/gcr.io/distroless/static-debian13', tag: 'nonroot', digest: D1 },
      { name: 'docker.elastic.co/elasticsearch/elasticsearch', tag: '8.19.0', digest: D2 },
    ]).render();
    const found = [...text.matchAll(new RegExp(manager.matchStrings[0], 'g'))].map(m => `${m.groups!.depName}:${m.groups!.currentValue}@${m.groups!.currentDigest}`);
    expect(found).toEqual([
      `127.0.0.1:5000/gcr.io/distroless/static-debian13:nonroot@${D1}`,
      `docker.elastic.co/elasticsearch/elasticsearch:8.19.0@${D2}`,
    ]);
  });
});
