import { ImageReference } from '../../src/dockerfile';

describe('ImageReference', () => {
  test('a registry image with path and tag is split into its parts', () => {
    // GIVEN / WHEN
    const ref = ImageReference.parse('gcr.io/distroless/python3-debian13:nonroot');

    // THEN
    expect(ref.registry).toBe('gcr.io');
    expect(ref.repository).toBe('distroless/python3-debian13');
    expect(ref.tag).toBe('nonroot');
    expect(ref.digest).toBeUndefined();
    expect(ref.name).toBe('gcr.io/distroless/python3-debian13');
    expect(ref.toString()).toBe('gcr.io/distroless/python3-debian13:nonroot');
  });

  test('a Docker Hub image has no registry and keeps its name as written', () => {
    // GIVEN / WHEN
    const official = ImageReference.parse('debian:13-slim');
    const user = ImageReference.parse('pickme/lucid-base:python-distroless-arm64');

    // THEN
    expect(official.registry).toBeUndefined();
    expect(official.repository).toBe('debian');
    expect(official.toString()).toBe('debian:13-slim');
    expect(user.registry).toBeUndefined();
    expect(user.repository).toBe('pickme/lucid-base');
    expect(user.tag).toBe('python-distroless-arm64');
  });

  test('a registry with a port, localhost and digests are recognized', () => {
    // GIVEN
    const digest = 'sha256:' + 'ab'.repeat(32);

    // WHEN
    const withPort = ImageReference.parse('localhost:5000/lucid/api:1.0');
    const local = ImageReference.parse('localhost/api');
    const pinned = ImageReference.parse(`gcr.io/distroless/static-debian13:nonroot@${digest}`);

    // THEN
    expect(withPort.registry).toBe('localhost:5000');
    expect(withPort.repository).toBe('lucid/api');
    expect(local.registry).toBe('localhost');
    expect(pinned.tag).toBe('nonroot');
    expect(pinned.digest).toBe(digest);
    expect(pinned.toString()).toBe(`gcr.io/distroless/static-debian13:nonroot@${digest}`);
  });

  test('withTag and withDigest return new references and validate their argument', () => {
    // GIVEN
    const ref = ImageReference.parse('debian:12-slim');
    const digest = 'sha256:' + '0'.repeat(64);

    // WHEN
    const retagged = ref.withTag('13-slim');
    const pinned = retagged.withDigest(digest);

    // THEN
    expect(ref.toString()).toBe('debian:12-slim');
    expect(retagged.toString()).toBe('debian:13-slim');
    expect(pinned.toString()).toBe(`debian:13-slim@${digest}`);
    expect(() => ref.withTag('-bad')).toThrow(/not a valid tag/);
    expect(() => ref.withDigest('sha256:abc')).toThrow(/64 lower-case hex digits/);
  });

  test.each([
    ['', /empty/],
    ['Debian:12', /registry "Debian" must be|path component/],
    ['debian:', /tag/],
    ['debian:-x', /tag/],
    ['gcr.io/Distroless/python3', /path component "Distroless"/],
    ['a//b', /empty component/],
    ['debian@sha256:xyz', /digest/],
    ['debian@md5:' + 'a'.repeat(32), /sha256:, sha384: or sha512:/],
    ['debian@sha256:' + 'A'.repeat(64), /lower-case hex/],
    ['host:port/x', /port "port" must be a number/],
    ['-bad.io/x', /registry/],
    ['a'.repeat(64), /image ID/],
    ['with space', /path component/],
    ['debian:12 AS x', /tag/],
  ])('"%s" is rejected with a clear message', (ref, reason) => {
    // GIVEN / WHEN / THEN
    expect(ImageReference.isValid(ref)).toBe(false);
    expect(() => ImageReference.parse(ref)).toThrow(`"${ref}" is not a valid image reference`);
    expect(() => ImageReference.parse(ref)).toThrow(reason);
  });

  test.each([
    'python:3.13-slim-trixie',
    'docker.io/library/debian:13',
    'registry.example.com:443/team/app_name__x/y-z:v1.2.3',
    '[::1]:5000/app',
    'eclipse-temurin:21-jdk',
    'node:24-trixie-slim',
  ])('"%s" is valid and prints back as written', (ref) => {
    // GIVEN / WHEN / THEN
    expect(ImageReference.isValid(ref)).toBe(true);
    expect(ImageReference.parse(ref).toString()).toBe(ref);
  });
});
