// Citations used by the catalogue. Each string names the repository, the file and what it establishes,
// so a reader can open the exact place upstream. Paths are relative to the repository root.

const DISTROLESS = 'GoogleContainerTools/distroless';

/** Citations into GoogleContainerTools/distroless. */
export const SRC = {
  ROOT_BUILD: `${DISTROLESS} BUILD (published repositories gcr.io/distroless/<name>-<distro>, tags latest/nonroot/debug/debug-nonroot, DEFAULT_DISTRO = "debian13")`,
  DISTRO: `${DISTROLESS} distro.bzl (debian12 = bookworm, debian13 = trixie, VARIANTS arm -> v7, arm64 -> v8)`,
  SUPPORT_POLICY: `${DISTROLESS} SUPPORT_POLICY.md (Debian 12 end of life by image: java and node January 2026, python April 2026, static/base/cc September 2026)`,
  ISSUE_2129: `${DISTROLESS} issue #2129 "Deprecate debian12 images" (scheduled for Sept 1, 2026)`,
  PR_1987: `${DISTROLESS} pull request #1987 "Move defaults to debian13" (2026-01-30)`,
  PR_2023: `${DISTROLESS} pull request #2023 "Remove java debian12 builds"`,
  PR_2084: `${DISTROLESS} pull request #2084 "Remove python3-debian12 and cleanup readmes" (2026-05-11, moves the example builder from debian:12-slim to debian:13-slim)`,
  COMMON_VARIABLES: `${DISTROLESS} common/variables.bzl (NONROOT = 65532, NOBODY = 65534, ROOT = 0)`,
  STATIC_BZL: `${DISTROLESS} static/static.bzl (env PATH and SSL_CERT_FILE, user 0 or 65532, workdir / or /home/nonroot, no entrypoint)`,
  STATIC_CONFIG: `${DISTROLESS} static/config.bzl (STATIC_DISTROS, STATIC_ARCHITECTURES, STATIC_PACKAGES)`,
  BASE_CONFIG: `${DISTROLESS} base/config.bzl (BASE_ARCHITECTURES, debian13 adds libc6, libssl3t64, libzstd1, zlib1g)`,
  BASE_README: `${DISTROLESS} base/README.md (static: ca-certificates, passwd, /tmp, tzdata, base adds glibc and libssl)`,
  CC_CONFIG: `${DISTROLESS} cc/config.bzl (CC_ARCHITECTURES, adds libgomp1, libstdc++6, libgcc-s1)`,
  CC_BZL: `${DISTROLESS} cc/cc.bzl (cc is built on //base, same user and entrypoint)`,
  README_ENTRYPOINTS: `${DISTROLESS} README.md "Entrypoints" (static, base and cc have the empty vector entrypoint)`,
  PYTHON_BZL: `${DISTROLESS} python3/python.bzl (DISTRO_VERSION debian12 = 3.11, debian13 = 3.13, entrypoint /usr/bin/python<version>, /usr/bin/python and /usr/bin/python3 symlinks, env LANG=C.UTF-8, built on //cc)`,
  PYTHON_CONFIG: `${DISTROLESS} python3/config.bzl (PYTHON_ARCHITECTURES, debian13 packages python3.13-minimal and python3.13-venv, no pip)`,
  PYTHON_LDCONFIG: `${DISTROLESS} python3/ldconfig/ld.so.cache.{amd64,arm64,riscv64} (prebuilt ld.so.cache per debian13 architecture)`,
  PYTHON_TEST_DEBIAN13: `${DISTROLESS} python3/testdata/debian13.yaml (Python 3.13.5 at /usr/bin/python3 and /usr/bin/python)`,
  PYTHON_EXAMPLE: `${DISTROLESS} examples/python3-requirements/Dockerfile and pull request #2084 (build a venv with Debian\'s own python3-venv in debian:<n>-slim, copy /venv into the matching python3-debian<n>)`,
  JAVA_CONFIG: `${DISTROLESS} java/config.bzl (JAVA_MAJOR_VERSIONS debian12 = 17, 21, debian13 = 17, 21, 25, JAVA_ARCHITECTURES)`,
  JAVA_BZL: `${DISTROLESS} java/java.bzl (entrypoint ["/usr/bin/java", "-jar"], env JAVA_VERSION, no JAVA_HOME, /usr/bin/java -> /usr/lib/jvm/temurin-<n>-jre-<arch>/bin/java, env LANG=C.UTF-8 from java_build_base)`,
  JAVA_TEST_25: `${DISTROLESS} java/testdata/java25_debian13.yaml (/usr/lib/jvm/temurin-25-jre-amd64/bin/java, /usr/bin/java symlink, no javac, no /bin/sh, env JAVA_VERSION)`,
  NODE_BZL: `${DISTROLESS} nodejs/nodejs.bzl (entrypoint ["/nodejs/bin/node"], built on //cc)`,
  NODE_CONFIG: `${DISTROLESS} nodejs/config.bzl (NODEJS_DISTROS = ["debian13"], NODEJS_ARCHITECTURES per major)`,
  NODE_CONFIG_DEBIAN12: `${DISTROLESS} nodejs/config.bzl, before the debian12 removal (debian12 and debian13 for 20, 22, 24, 20 on amd64, arm64, arm, s390x, ppc64le)`,
  NODE_TEST_26: `${DISTROLESS} nodejs/testdata/nodejs26.yaml (nodejs26 images are built and tested)`,
  NODE_NO_NPM: `${DISTROLESS} nodejs/testdata/check_npm.yaml (no npm, npx or corepack under /nodejs)`,
} as const;

/** Citations outside the distroless repository. */
export const EXT = {
  NODE_SCHEDULE: 'nodejs.org release schedule, referenced by distroless SUPPORT_POLICY.md "Node" (even majors supported while current, active or maintenance LTS, end of maintenance 30 April, three years after release)',
  DOCKER_DEBIAN: 'Docker official image "debian" (tags <major>-slim, 12 = bookworm, 13 = trixie)',
  DEBIAN_PYTHON3_VENV: 'Debian package python3-venv (bookworm depends on python3.11-venv, trixie on python3.13-venv, interpreter /usr/bin/python3.<minor>)',
  DOCKER_NODE: 'Docker official image "node" (tags <major>-trixie-slim and <major>-bookworm-slim, node installed at /usr/local/bin/node)',
  DOCKER_TEMURIN: 'Docker official image "eclipse-temurin" (tags <major>-jdk)',
  DOCKER_MAVEN: 'Docker official image "maven" (tags 3.9-eclipse-temurin-<major>)',
  DOCKER_GRADLE: 'docs.gradle.org userguide/docker.html (tags gradle:<gradle-version>-jdk<jdk-version>, Gradle runs on JDK 25 from 9.1, so jdk25 tags exist for Gradle 9 only)',
} as const;

/** Joins several citations into one `SupportWindow.source` string; citations never contain ';'. */
export function cite(...citations: string[]): string {
  return citations.join('; ');
}
