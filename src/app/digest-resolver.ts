import { execFileSync } from 'child_process';

/** The environment variable of the mirror `npx projen pin` resolves through (e.g. a loopback registry). */
export const PIN_MIRROR_ENV = 'LUCID_PIN_MIRROR';

/**
 * Finds the digest an image reference points to now. `LucidApp.pinImages` asks one for every external image;
 * tests give it a table, `npx projen pin` gives it an `ImagetoolsResolver`.
 */
export interface IDigestResolver {
  /**
   * The multi-platform index digest (`sha256:…`) of `reference`.
   * @param reference `name:tag`, exactly as the app writes it
   * @throws Error when the image cannot be found or the registry cannot be reached
   */
  resolveDigest(reference: string): string;
}

/** Options of the `docker buildx imagetools` resolver. */
export interface ImagetoolsResolverProps {
  /**
   * A registry that mirrors every image under its full name: `gcr.io/distroless/static-debian13:nonroot` is
   * looked up as `<mirror>/gcr.io/distroless/static-debian13:nonroot`, `debian:13-slim` as
   * `<mirror>/debian:13-slim` (the end-to-end suite pushes its stand-ins to a loopback registry that way).
   * @default - `$LUCID_PIN_MIRROR`, else none: the image's own registry
   */
  readonly mirror?: string;

  /**
   * The docker CLI.
   * @default 'docker'
   */
  readonly docker?: string;
}

/**
 * Resolves digests with `docker buildx imagetools inspect <ref> --format '{{json .Manifest}}'`: the digest of
 * the manifest the tag names, which for a multi-platform image is its index (the digest every platform pulls).
 */
export class ImagetoolsResolver implements IDigestResolver {
  /** The mirror references are looked up through, if any. */
  public readonly mirror?: string;
  private readonly docker: string;

  /**
   * @param props where to look
   */
  constructor(props: ImagetoolsResolverProps = {}) {
    const mirror = props.mirror ?? process.env[PIN_MIRROR_ENV];
    this.mirror = mirror === undefined || mirror.trim() === '' ? undefined : mirror.trim().replace(/\/+$/, '');
    this.docker = props.docker ?? 'docker';
  }

  /**
   * The reference that is inspected for `reference`: itself, or its name under the mirror.
   * @param reference `name:tag` as the app writes it
   */
  public inspectedReference(reference: string): string {
    return this.mirror === undefined ? reference : `${this.mirror}/${reference}`;
  }

  /**
   * The index digest of `reference`, as `docker buildx imagetools inspect` prints it.
   * @param reference `name:tag` as the app writes it
   */
  public resolveDigest(reference: string): string {
    const out = execFileSync(this.docker, ['buildx', 'imagetools', 'inspect', this.inspectedReference(reference), '--format', '{{json .Manifest}}'], {
      encoding: 'utf-8',
      env: process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return String(JSON.parse(out).digest ?? '');
  }
}
