import { COMMON_SOURCES, CURRENT_SUPPORT_SOURCE, PLATFORM, STATIC_ENV } from './common';
import { FamilyData } from './family-data';
import { cite, EXT, SRC } from './sources';
import { DebianRelease } from '../debian-release';
import { RuntimeLanguage } from '../runtime-language';
import { SupportStatus } from '../support-status';

// Python images are //cc plus Debian's own CPython; the venv module is included, pip is not.
// source: GoogleContainerTools/distroless python3/python.bzl (env LANG=C.UTF-8)
const PYTHON_ENV = { ...STATIC_ENV, LANG: 'C.UTF-8' };

export const PYTHON3_DEBIAN13: FamilyData = {
  name: 'python3-debian13',
  language: RuntimeLanguage.PYTHON,
  debian: DebianRelease.DEBIAN13,
  // source: GoogleContainerTools/distroless python3/python.bzl (DISTRO_VERSION debian13 = "3.13")
  languageVersion: '3.13',
  // source: GoogleContainerTools/distroless python3/python.bzl (entrypoint "/usr/bin/python" + DISTRO_VERSION)
  interpreterPath: '/usr/bin/python3.13',
  // source: GoogleContainerTools/distroless python3/python.bzl (python_alias symlinks /usr/bin/python, /usr/bin/python3)
  interpreterAliases: ['/usr/bin/python', '/usr/bin/python3'],
  // source: GoogleContainerTools/distroless python3/python.bzl (entrypoint)
  entrypoint: ['/usr/bin/python3.13'],
  // source: GoogleContainerTools/distroless python3/config.bzl (amd64, arm64) and python3/ldconfig/ld.so.cache.riscv64 (riscv64 added later)
  platforms: [PLATFORM.AMD64, PLATFORM.ARM64, PLATFORM.RISCV64],
  support: {
    status: SupportStatus.SUPPORTED,
    source: CURRENT_SUPPORT_SOURCE,
  },
  builder: {
    // source: GoogleContainerTools/distroless pull request #2084 (examples/python3-requirements/Dockerfile: debian:12-slim -> debian:13-slim, python3-venv)
    image: 'debian:13-slim',
    packages: ['python3-venv'],
    interpreterPath: '/usr/bin/python3.13',
    description: 'Debian 13 with Debian\'s own python3-venv: the same CPython 3.13 package at the same path '
      + '(/usr/bin/python3.13) as python3-debian13, so a venv built here has a `home = /usr/bin` and console-script '
      + 'shebangs that exist at runtime, and compiled extensions match the runtime\'s ABI.',
  },
  pythonSitePackagesPath: 'lib/python3.13/site-packages',
  env: PYTHON_ENV,
  releaseEnvNames: [],
  sources: [
    ...COMMON_SOURCES, SRC.PYTHON_BZL, SRC.PYTHON_CONFIG, SRC.PYTHON_LDCONFIG, SRC.PYTHON_TEST_DEBIAN13,
    SRC.PYTHON_EXAMPLE, SRC.PR_1987, EXT.DOCKER_DEBIAN, EXT.DEBIAN_PYTHON3_VENV,
  ],
};

export const PYTHON3_DEBIAN12: FamilyData = {
  name: 'python3-debian12',
  language: RuntimeLanguage.PYTHON,
  debian: DebianRelease.DEBIAN12,
  // source: GoogleContainerTools/distroless python3/python.bzl (DISTRO_VERSION debian12 = "3.11")
  languageVersion: '3.11',
  // source: GoogleContainerTools/distroless python3/python.bzl (entrypoint "/usr/bin/python" + DISTRO_VERSION)
  interpreterPath: '/usr/bin/python3.11',
  // source: GoogleContainerTools/distroless python3/python.bzl (python_alias symlinks)
  interpreterAliases: ['/usr/bin/python', '/usr/bin/python3'],
  // source: GoogleContainerTools/distroless python3/python.bzl (entrypoint)
  entrypoint: ['/usr/bin/python3.11'],
  // source: GoogleContainerTools/distroless python3/config.bzl (PYTHON_ARCHITECTURES debian12 = amd64, arm64)
  platforms: [PLATFORM.AMD64, PLATFORM.ARM64],
  support: {
    status: SupportStatus.REMOVED,
    // source: GoogleContainerTools/distroless SUPPORT_POLICY.md (python on Debian 12: April 2026)
    endOfLife: '2026-04-01',
    // source: GoogleContainerTools/distroless pull request #2084 (2026-05-11); the published images stopped the next day
    removedOn: '2026-05-12',
    replacement: 'python3-debian13',
    source: cite(SRC.SUPPORT_POLICY, SRC.PR_2084),
  },
  builder: {
    // source: GoogleContainerTools/distroless pull request #2084 (examples/python3-requirements/Dockerfile used debian:12-slim + python3-venv)
    image: 'debian:12-slim',
    packages: ['python3-venv'],
    interpreterPath: '/usr/bin/python3.11',
    description: 'Debian 12 with Debian\'s own python3-venv: the same CPython 3.11 package at the same path '
      + '(/usr/bin/python3.11) as python3-debian12, so the venv\'s interpreter links and shebangs resolve at runtime.',
  },
  pythonSitePackagesPath: 'lib/python3.11/site-packages',
  env: PYTHON_ENV,
  releaseEnvNames: [],
  sources: [
    ...COMMON_SOURCES, SRC.PYTHON_BZL, SRC.PYTHON_CONFIG, SRC.PYTHON_EXAMPLE, SRC.SUPPORT_POLICY, SRC.PR_2084,
    EXT.DOCKER_DEBIAN, EXT.DEBIAN_PYTHON3_VENV,
  ],
};
