import { COMMON_SOURCES, CURRENT_SUPPORT_SOURCE, PLATFORM, STATIC_ENV } from './common';
import { FamilyData } from './family-data';
import { cite, EXT, SRC } from './sources';
import { DebianRelease } from '../debian-release';
import { RuntimeLanguage } from '../runtime-language';
import { SupportStatus } from '../support-status';

// Java images are //base (nossl) plus a Temurin JRE. The JRE lives in /usr/lib/jvm/temurin-<n>-jre-<arch>,
// an architecture-specific directory: nothing here names it, and JAVA_HOME is not set by the image.
// source: GoogleContainerTools/distroless java/java.bzl (java_build_base env LANG=C.UTF-8; image env JAVA_VERSION only)
const JAVA_ENV = { ...STATIC_ENV, LANG: 'C.UTF-8' };

// source: GoogleContainerTools/distroless java/java.bzl (entrypoint ["/usr/bin/java", "-jar"])
const JAVA_ENTRYPOINT = ['/usr/bin/java', '-jar'];

// source: GoogleContainerTools/distroless java/config.bzl (JAVA_ARCHITECTURES debian13)
const DEBIAN13_PLATFORMS = [PLATFORM.AMD64, PLATFORM.ARM64, PLATFORM.S390X, PLATFORM.PPC64LE, PLATFORM.RISCV64];

const JAVA_SOURCES = [...COMMON_SOURCES, SRC.JAVA_BZL, SRC.JAVA_CONFIG, SRC.JAVA_TEST_25, EXT.DOCKER_TEMURIN, EXT.DOCKER_MAVEN, EXT.DOCKER_GRADLE];

/** The facts that only depend on the Java major version. */
function java(major: string, debian: DebianRelease, gradleMajor: string): Omit<FamilyData, 'support' | 'platforms'> {
  // source: Docker official images eclipse-temurin (<major>-jdk), maven (3.9-eclipse-temurin-<major>), gradle (<gradle>-jdk<major>)
  const jdkImage = `eclipse-temurin:${major}-jdk`;
  return {
    name: `java${major}-${debian}`,
    language: RuntimeLanguage.JAVA,
    debian,
    languageVersion: major,
    // source: GoogleContainerTools/distroless java/java.bzl (/usr/bin/java symlink into the arch-specific JRE)
    interpreterPath: '/usr/bin/java',
    interpreterAliases: [],
    entrypoint: JAVA_ENTRYPOINT,
    builder: {
      image: jdkImage,
      packages: [],
      description: `Eclipse Temurin ${major} JDK: the same vendor and major version as the Temurin ${major} JRE in `
        + `java${major}-${debian}, so class files target the runtime exactly and jlink/jdeps see the same modules. `
        + 'Jars do not depend on the builder\'s Linux distribution.',
    },
    jdkImage,
    mavenImage: `maven:3.9-eclipse-temurin-${major}`,
    gradleImage: `gradle:${gradleMajor}-jdk${major}`,
    env: JAVA_ENV,
    // source: GoogleContainerTools/distroless java/java.bzl (env JAVA_VERSION = the packaged JRE release)
    releaseEnvNames: ['JAVA_VERSION'],
    sources: JAVA_SOURCES,
  };
}

export const JAVA17_DEBIAN13: FamilyData = {
  ...java('17', DebianRelease.DEBIAN13, '8'),
  platforms: DEBIAN13_PLATFORMS,
  support: { status: SupportStatus.SUPPORTED, source: CURRENT_SUPPORT_SOURCE },
  sources: [...JAVA_SOURCES, SRC.PR_1987],
};

export const JAVA21_DEBIAN13: FamilyData = {
  ...java('21', DebianRelease.DEBIAN13, '8'),
  platforms: DEBIAN13_PLATFORMS,
  support: { status: SupportStatus.SUPPORTED, source: CURRENT_SUPPORT_SOURCE },
  sources: [...JAVA_SOURCES, SRC.PR_1987],
};

export const JAVA25_DEBIAN13: FamilyData = {
  // Gradle 8 cannot run on JDK 25; the gradle image publishes jdk25 tags for Gradle 9 only.
  // source: docs.gradle.org userguide/docker.html (gradle:<gradle-version>-jdk<jdk-version>)
  ...java('25', DebianRelease.DEBIAN13, '9'),
  platforms: DEBIAN13_PLATFORMS,
  support: { status: SupportStatus.SUPPORTED, source: CURRENT_SUPPORT_SOURCE },
  sources: [...JAVA_SOURCES, SRC.PR_1987],
};

const java17Debian12 = java('17', DebianRelease.DEBIAN12, '8');
export const JAVA17_DEBIAN12: FamilyData = {
  ...java17Debian12,
  // source: GoogleContainerTools/distroless java/config.bzl (JAVA_ARCHITECTURES debian12 = amd64, arm64, s390x, ppc64le)
  platforms: [PLATFORM.AMD64, PLATFORM.ARM64, PLATFORM.S390X, PLATFORM.PPC64LE],
  support: {
    status: SupportStatus.REMOVED,
    // source: GoogleContainerTools/distroless SUPPORT_POLICY.md (java on Debian 12: January 2026)
    endOfLife: '2026-01-01',
    // source: GoogleContainerTools/distroless pull request #2023 "Remove java debian12 builds" (released 2026-02-27)
    removedOn: '2026-02-27',
    replacement: 'java17-debian13',
    source: cite(SRC.SUPPORT_POLICY, SRC.PR_2023),
  },
  sources: [...java17Debian12.sources, SRC.SUPPORT_POLICY, SRC.PR_2023],
};
