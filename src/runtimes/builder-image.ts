/**
 * The build-stage image that matches a distroless runtime exactly: same language version and, where
 * files produced by the build refer to the interpreter, the same interpreter path.
 */
export interface BuilderImage {
  /**
   * Image reference with an explicit version tag (never `latest`), e.g. `debian:13-slim`.
   */
  readonly image: string;

  /**
   * Debian packages to `apt-get install` in the builder; empty when the image already has what the
   * build needs.
   */
  readonly packages: string[];

  /**
   * Where the builder's interpreter lives. For Python it equals the runtime's interpreter path, so a
   * virtual environment's `home =` and its console-script shebangs still resolve at runtime.
   *
   * @default - not relevant (compiled output, or a JVM whose location does not leak into the artifact)
   */
  readonly interpreterPath?: string;

  /**
   * Why this builder matches the runtime.
   */
  readonly description: string;
}
