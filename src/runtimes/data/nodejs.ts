import { COMMON_SOURCES, CURRENT_SUPPORT_SOURCE, PLATFORM, STATIC_ENV } from './common';
import { FamilyData } from './family-data';
import { cite, EXT, SRC } from './sources';
import { DebianRelease } from '../debian-release';
import { RuntimeLanguage } from '../runtime-language';
import { SupportStatus } from '../support-status';

// Node images are //cc plus the nodejs.org release unpacked under /nodejs; npm, npx and corepack are removed.
// They set no env of their own.
// source: GoogleContainerTools/distroless nodejs/nodejs.bzl (entrypoint ["/nodejs/bin/node"], no env)
const NODE_PATH = '/nodejs/bin/node';

const NODE_SOURCES = [...COMMON_SOURCES, SRC.NODE_BZL, SRC.NODE_NO_NPM, EXT.NODE_SCHEDULE, EXT.DOCKER_NODE];

/** The facts that only depend on the Node.js major and the Debian release. */
function node(major: string, debian: DebianRelease, codename: string): Omit<FamilyData, 'support' | 'platforms' | 'sources'> {
  return {
    name: `nodejs${major}-${debian}`,
    language: RuntimeLanguage.NODEJS,
    debian,
    languageVersion: major,
    interpreterPath: NODE_PATH,
    interpreterAliases: [],
    entrypoint: [NODE_PATH],
    builder: {
      // source: Docker official image node (<major>-<codename>-slim)
      image: `node:${major}-${codename}-slim`,
      packages: [],
      interpreterPath: '/usr/local/bin/node',
      description: `Node.js ${major} on Debian ${codename}: the same Node.js major and the same glibc/libstdc++ `
        + `generation as nodejs${major}-${debian}, so native addons built here load at runtime. Its node lives in `
        + `/usr/local/bin and brings npm; copy node_modules and the app, never the node binary (the runtime's is ${NODE_PATH}).`,
    },
    env: { ...STATIC_ENV },
    releaseEnvNames: [],
  };
}

export const NODEJS22_DEBIAN13: FamilyData = {
  ...node('22', DebianRelease.DEBIAN13, 'trixie'),
  // source: GoogleContainerTools/distroless nodejs/config.bzl (NODEJS_ARCHITECTURES debian13 "22")
  platforms: [PLATFORM.AMD64, PLATFORM.ARM64, PLATFORM.ARM_V7, PLATFORM.S390X, PLATFORM.PPC64LE],
  support: {
    status: SupportStatus.SUPPORTED,
    // source: nodejs.org release schedule (Node.js 22 end of life 2027-04-30)
    endOfLife: '2027-04-30',
    source: cite(CURRENT_SUPPORT_SOURCE, EXT.NODE_SCHEDULE),
  },
  sources: [...NODE_SOURCES, SRC.NODE_CONFIG, SRC.PR_1987],
};

export const NODEJS24_DEBIAN13: FamilyData = {
  ...node('24', DebianRelease.DEBIAN13, 'trixie'),
  // source: GoogleContainerTools/distroless nodejs/config.bzl (NODEJS_ARCHITECTURES debian13 "24")
  platforms: [PLATFORM.AMD64, PLATFORM.ARM64, PLATFORM.S390X, PLATFORM.PPC64LE],
  support: {
    status: SupportStatus.SUPPORTED,
    // source: nodejs.org release schedule (Node.js 24 end of life 2028-04-30)
    endOfLife: '2028-04-30',
    source: cite(CURRENT_SUPPORT_SOURCE, EXT.NODE_SCHEDULE),
  },
  sources: [...NODE_SOURCES, SRC.NODE_CONFIG, SRC.PR_1987],
};

export const NODEJS26_DEBIAN13: FamilyData = {
  ...node('26', DebianRelease.DEBIAN13, 'trixie'),
  // source: GoogleContainerTools/distroless nodejs/testdata/nodejs26.yaml (built); architectures as for 24
  // (the stored nodejs/config.bzl that lists 26 could not be tied to upstream; verify when updating)
  platforms: [PLATFORM.AMD64, PLATFORM.ARM64, PLATFORM.S390X, PLATFORM.PPC64LE],
  support: {
    status: SupportStatus.SUPPORTED,
    // source: nodejs.org release schedule (Node.js 26 end of life 2029-04-30)
    endOfLife: '2029-04-30',
    source: cite(CURRENT_SUPPORT_SOURCE, EXT.NODE_SCHEDULE),
  },
  sources: [...NODE_SOURCES, SRC.NODE_CONFIG, SRC.NODE_TEST_26, SRC.PR_1987],
};

export const NODEJS20_DEBIAN12: FamilyData = {
  ...node('20', DebianRelease.DEBIAN12, 'bookworm'),
  // source: GoogleContainerTools/distroless nodejs/config.bzl before the debian12 removal (NODEJS_ARCHITECTURES debian12 "20")
  platforms: [PLATFORM.AMD64, PLATFORM.ARM64, PLATFORM.ARM_V7, PLATFORM.S390X, PLATFORM.PPC64LE],
  support: {
    status: SupportStatus.REMOVED,
    // source: GoogleContainerTools/distroless SUPPORT_POLICY.md (node on Debian 12: January 2026)
    endOfLife: '2026-01-01',
    // source: GoogleContainerTools/distroless nodejs/config.bzl (NODEJS_DISTROS = ["debian13"] since the removal)
    removedOn: '2026-02-27',
    // Node.js 20 itself reached end of life on 2026-04-30; the next LTS major is the smallest move.
    replacement: 'nodejs22-debian13',
    source: cite(SRC.SUPPORT_POLICY, SRC.NODE_CONFIG),
  },
  sources: [...NODE_SOURCES, SRC.NODE_CONFIG_DEBIAN12, SRC.NODE_CONFIG, SRC.SUPPORT_POLICY],
};
