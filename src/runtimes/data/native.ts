import { COMMON_SOURCES, CURRENT_SUPPORT_SOURCE, PLATFORM, STATIC_ENV } from './common';
import { FamilyData } from './family-data';
import { cite, EXT, SRC } from './sources';
import { DebianRelease } from '../debian-release';
import { RuntimeLanguage } from '../runtime-language';
import { SupportStatus } from '../support-status';

// static, base and cc carry no language runtime and no entrypoint: the program is set as ENTRYPOINT or CMD
// in exec form by the image that uses them.
// source: GoogleContainerTools/distroless README.md "Entrypoints" (empty vector entrypoint)

// source: GoogleContainerTools/distroless static/config.bzl, base/config.bzl, cc/config.bzl (*_ARCHITECTURES)
const DEBIAN13_PLATFORMS = [PLATFORM.AMD64, PLATFORM.ARM64, PLATFORM.ARM_V7, PLATFORM.S390X, PLATFORM.PPC64LE, PLATFORM.RISCV64];
const DEBIAN12_PLATFORMS = [PLATFORM.AMD64, PLATFORM.ARM64, PLATFORM.ARM_V7, PLATFORM.S390X, PLATFORM.PPC64LE];

// source: GoogleContainerTools/distroless base/README.md, static/config.bzl, base/config.bzl, cc/config.bzl (packages per image)
const CONTENTS: { [kind: string]: { readonly debian12: string; readonly debian13: string; readonly source: string } } = {
  static: { debian12: 'ca-certificates, tzdata, passwd and /tmp, no libc', debian13: 'ca-certificates, tzdata, passwd and /tmp, no libc', source: SRC.STATIC_CONFIG },
  base: { debian12: 'static plus glibc and libssl', debian13: 'static plus glibc, libssl, zlib and zstd', source: SRC.BASE_CONFIG },
  cc: { debian12: 'base plus libstdc++, libgcc and libgomp', debian13: 'base plus libstdc++, libgcc and libgomp', source: SRC.CC_CONFIG },
};

function native(kind: 'static' | 'base' | 'cc', debian: DebianRelease): FamilyData {
  const current = debian === DebianRelease.DEBIAN13;
  const major = current ? '13' : '12';
  const name = `${kind}-${debian}`;
  return {
    name,
    language: RuntimeLanguage.NATIVE,
    debian,
    interpreterAliases: [],
    entrypoint: [],
    platforms: current ? DEBIAN13_PLATFORMS : DEBIAN12_PLATFORMS,
    support: current
      ? { status: SupportStatus.SUPPORTED, source: CURRENT_SUPPORT_SOURCE }
      : {
        status: SupportStatus.DEPRECATED,
        // source: GoogleContainerTools/distroless SUPPORT_POLICY.md (static/base/cc on Debian 12: September 2026) and issue #2129 (Sept 1, 2026)
        endOfLife: '2026-09-01',
        replacement: `${kind}-${DebianRelease.DEBIAN13}`,
        source: cite(SRC.SUPPORT_POLICY, SRC.ISSUE_2129),
      },
    builder: {
      // source: Docker official image debian (<major>-slim); build-essential from the same Debian release
      image: `debian:${major}-slim`,
      packages: ['build-essential'],
      description: `Debian ${major} with build-essential: the same glibc${kind === 'static' ? '' : ' and libraries'} as ${name} `
        + `(${CONTENTS[kind][debian]}), so binaries built here link against what the runtime has`
        + (kind === 'static' ? '; link statically, static has no libc.' : '.'),
    },
    // source: Docker official image golang (tags <version>-trixie and <version>-bookworm); 1.24 is Debian 13's own Go (golang-defaults)
    goImage: `golang:1.24-${current ? 'trixie' : 'bookworm'}`,
    env: { ...STATIC_ENV },
    releaseEnvNames: [],
    sources: [
      ...COMMON_SOURCES, CONTENTS[kind].source, SRC.STATIC_CONFIG, SRC.BASE_README, SRC.README_ENTRYPOINTS, SRC.DISTRO,
      ...(kind === 'cc' ? [SRC.CC_BZL] : []),
      ...(current ? [SRC.PR_1987] : [SRC.SUPPORT_POLICY, SRC.ISSUE_2129]),
      EXT.DOCKER_DEBIAN,
    ],
  };
}

export const STATIC_DEBIAN13 = native('static', DebianRelease.DEBIAN13);
export const BASE_DEBIAN13 = native('base', DebianRelease.DEBIAN13);
export const CC_DEBIAN13 = native('cc', DebianRelease.DEBIAN13);
export const STATIC_DEBIAN12 = native('static', DebianRelease.DEBIAN12);
export const BASE_DEBIAN12 = native('base', DebianRelease.DEBIAN12);
export const CC_DEBIAN12 = native('cc', DebianRelease.DEBIAN12);
