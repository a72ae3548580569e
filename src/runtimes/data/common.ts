import { cite, SRC } from './sources';

// Every image starts from //static, whose env is inherited by base, cc and the language images.
// source: GoogleContainerTools/distroless static/static.bzl (env PATH, SSL_CERT_FILE)
export const STATIC_ENV: { [key: string]: string } = {
  PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
  SSL_CERT_FILE: '/etc/ssl/certs/ca-certificates.crt',
};

// Docker platform names for the architectures upstream publishes.
// source: GoogleContainerTools/distroless distro.bzl (VARIANTS arm -> v7, arm64 -> v8)
export const PLATFORM = {
  AMD64: 'linux/amd64',
  ARM64: 'linux/arm64',
  ARM_V7: 'linux/arm/v7',
  S390X: 'linux/s390x',
  PPC64LE: 'linux/ppc64le',
  RISCV64: 'linux/riscv64',
} as const;

/** Citations every family relies on: repository naming, tags, users. */
export const COMMON_SOURCES = [SRC.ROOT_BUILD, SRC.COMMON_VARIABLES, SRC.STATIC_BZL];

/** Why a debian13 family counts as supported: upstream builds it and made debian13 the default. */
export const CURRENT_SUPPORT_SOURCE = cite(SRC.ROOT_BUILD, SRC.PR_1987);
