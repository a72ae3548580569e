import * as fs from 'fs';
import * as path from 'path';
import {
  attestationsByPlatform, cacheHits, parsePushedImage, predicateTypes, PROVENANCE_PREDICATE, sbomCannotRunOffline,
  stepSecondsPerPlatform, targetPlatformBases,
} from '../../src/e2e/registry';

// Captured on the e2e engine: the Go service of the reference stack (rdp-services) pushed to the loopback registry
// for linux/amd64 and linux/arm64, its index and attestation manifest as `imagetools inspect --raw` printed them,
// and the plain BuildKit logs of its builds.
const FIXTURES = path.join(__dirname, 'fixtures', 'registry');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf-8');

describe('a pushed tag read back from the registry', () => {
  test('an OCI index of two platforms with an attestation manifest each', () => {
    // GIVEN the raw index of the pushed Go service
    // WHEN it is read
    const image = parsePushedImage(fixture('index.json'));
    // THEN it is an index holding both platforms; the attestation manifests are not platforms of it
    expect(image.isIndex).toBe(true);
    expect(image.mediaType).toBe('application/vnd.oci.image.index.v1+json');
    expect(image.platforms).toEqual(['linux/amd64', 'linux/arm64']);
    expect(image.manifests).toHaveLength(4);
    // AND each platform has its own attestation manifest
    expect(attestationsByPlatform(image)).toEqual({
      'linux/amd64': 'sha256:f4c2944c0e826fcabfaf931da7b81f9ae92a4c65286588b50285fbed60fc5966',
      'linux/arm64': 'sha256:b057b65d8922445a1c7ac08f1f299877450741220ac3ba72dfd63664fd88dc82',
    });
  });

  test('a single manifest is no manifest list and names no platform', () => {
    // GIVEN the raw manifest of a single-platform push (an attestation manifest has the same shape)
    const image = parsePushedImage(fixture('attestation-manifest.json'));
    // THEN it is not an index
    expect(image.isIndex).toBe(false);
    expect(image.platforms).toEqual([]);
    expect(attestationsByPlatform(image)).toEqual({});
  });

  test('a Docker manifest list counts as a list; a platform without an attestation has none', () => {
    const raw = JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.docker.distribution.manifest.list.v2+json',
      manifests: [
        { digest: 'sha256:a', platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } },
        { digest: 'sha256:b', platform: { os: 'linux', architecture: 'amd64' } },
      ],
    });
    const image = parsePushedImage(raw);
    expect(image.isIndex).toBe(true);
    expect(image.platforms).toEqual(['linux/amd64', 'linux/arm64/v8']);
    expect(attestationsByPlatform(image)).toEqual({});
  });

  test('the predicate types of an attestation manifest', () => {
    // GIVEN the attestation manifest of the amd64 image (pushed with the SBOM off: provenance only)
    const types = predicateTypes(fixture('attestation-manifest.json'));
    // THEN it holds SLSA provenance
    expect(types).toEqual(['https://slsa.dev/provenance/v0.2']);
    expect(types.some(t => PROVENANCE_PREDICATE.test(t))).toBe(true);
  });
});

describe('the cache-hit ratio of a plain BuildKit log', () => {
  test('the rebuild from the registry cache into an emptied BuildKit state: every step cached', () => {
    // GIVEN the log of `CACHE=registry docker buildx bake --push rdp-services` after `docker buildx prune -af`
    const hits = cacheHits(fixture('cache-registry-rebuild.log'));
    // THEN its 18 Dockerfile steps (8 builder and 4 runtime steps per platform, the builder's first two shared by
    // BuildKit) are all cached, and the context and internal vertices do not count
    expect(hits).toEqual({ steps: 18, cached: 18, ratio: 1 });
  });

  test('a build that resumed a failed one reuses only what that one finished', () => {
    // GIVEN the log of a push after a push that failed while arm64 was still compiling
    const hits = cacheHits(fixture('push-partly-cached.log'));
    // THEN 14 of its 18 steps were cached (the log says CACHED 15 times: once for a context vertex, not a step)
    expect(hits.steps).toBe(18);
    expect(hits.cached).toBe(14);
    expect(hits.ratio).toBeCloseTo(14 / 18);
  });

  test('several logs add up, and a log without steps adds none', () => {
    const hits = cacheHits(fixture('cache-registry-rebuild.log'), fixture('push-partly-cached.log'), '');
    expect(hits).toEqual({ steps: 36, cached: 32, ratio: 32 / 36 });
    expect(cacheHits('')).toEqual({ steps: 0, cached: 0, ratio: 0 });
  });
});

describe('build time per platform', () => {
  test('a stage on the build platform that compiles for arm64 counts for arm64', () => {
    // GIVEN the log of a cold multi-platform build of the Go service (it failed at the SBOM, after compiling)
    const perPlatform = stepSecondsPerPlatform(fixture('sbom-scanner-no-network.log'));
    // THEN both platforms have their own figure, each about a minute of `go build`
    expect(Object.keys(perPlatform).sort()).toEqual(['linux/amd64', 'linux/arm64']);
    expect(perPlatform['linux/amd64']).toBeCloseTo(61.1, 1);
    expect(perPlatform['linux/arm64']).toBeCloseTo(61.4, 1);
  });

  test('a fully cached build takes no step time', () => {
    expect(stepSecondsPerPlatform(fixture('cache-registry-rebuild.log'))).toEqual({});
  });
});

describe('the SBOM scanner offline', () => {
  test('its image cannot be resolved', () => {
    expect(sbomCannotRunOffline(fixture('sbom-scanner-unresolved.log'))).toBe(true);
  });

  test('a local image of its name cannot run without the default network', () => {
    expect(sbomCannotRunOffline(fixture('sbom-scanner-no-network.log'))).toBe(true);
  });

  test('another failure is not taken for it', () => {
    expect(sbomCannotRunOffline(fixture('push-partly-cached.log'))).toBe(false);
    expect(sbomCannotRunOffline('#5 [builder 3/4] RUN apt-get update\nERROR: failed to solve: process "/bin/sh -c apt-get update" did not complete successfully: network bridge not found\n')).toBe(false);
  });
});

describe('the bases an image runs on', () => {
  test('a builder on the build platform needs no stand-in of the target platform', () => {
    // GIVEN the Go service's Dockerfile
    const dockerfile = fs.readFileSync(path.join(__dirname, '..', '..', 'examples', 'lucid', 'apps', 'rdp-services', 'Dockerfile'), 'utf-8');
    // THEN only its runtime base runs on the target platform, named without its digest
    expect(targetPlatformBases(dockerfile)).toEqual(['gcr.io/distroless/static-debian13:nonroot']);
  });

  test('stages built on earlier stages are not bases', () => {
    const dockerfile = 'FROM debian:13-slim AS builder\nFROM builder AS test\nFROM --platform=${BUILDPLATFORM} golang:1.24 AS go\nFROM gcr.io/distroless/cc-debian13@sha256:' + '0'.repeat(64) + '\n';
    expect(targetPlatformBases(dockerfile)).toEqual(['debian:13-slim', 'gcr.io/distroless/cc-debian13']);
  });
});
