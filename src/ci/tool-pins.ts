// Tools the generated workflows download and run, pinned to a version and, for binaries fetched directly, to the
// SHA-256 of the file, checked before it is run.

/**
 * container-structure-test, fetched from its GitHub release.
 * @see https://github.com/GoogleContainerTools/container-structure-test/releases/tag/v1.22.1
 */
export const CONTAINER_STRUCTURE_TEST = {
  version: 'v1.22.1',
  /**
   * SHA-256 of `container-structure-test-linux-<arch>` by `uname -m`. The release publishes them in its
   * `checksums.txt`; the same values are pinned by many public build scripts.
   */
  sha256: {
    x86_64: 'fa35e89512a8978585f76cf41397956d2e3a30c62c2ad3fb857b1597074d14ca',
    aarch64: '801826ed107222120eb6df8c143b7de752cfebbe3aebfeea576e7098486917c2',
  },
} as const;

/**
 * The Trivy release trivy-action installs. v0.69.4 was the malicious release of March 2026; v0.69.3 is the
 * default of trivy-action 0.35.0 and predates the compromise.
 */
export const TRIVY_VERSION = 'v0.69.3';
