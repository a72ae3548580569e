import type { Stage } from './stage';

/**
 * The network a RUN step has.
 * @see https://docs.docker.com/reference/dockerfile/#run---network
 */
export enum RunNetwork {
  /** The build's default network. */
  DEFAULT = 'default',
  /** No network at all: only the loopback interface. */
  NONE = 'none',
  /** The host's network (needs the `network.host` entitlement). */
  HOST = 'host',
}

/**
 * The kind of a RUN mount.
 * @see https://docs.docker.com/reference/dockerfile/#run---mount
 */
export enum MountType {
  /** A persistent cache directory (package manager caches). */
  CACHE = 'cache',
  /** A build secret, as a file (never stored in a layer). */
  SECRET = 'secret',
  /** A read-only bind of the build context or of another stage. */
  BIND = 'bind',
  /** A temporary file system. */
  TMPFS = 'tmpfs',
}

/**
 * How concurrent builds share a cache mount.
 * @see https://docs.docker.com/reference/dockerfile/#run---mounttypecache
 */
export enum CacheSharing {
  /** Concurrent writers share the cache. */
  SHARED = 'shared',
  /** Each concurrent writer gets its own cache. */
  PRIVATE = 'private',
  /** Writers wait for each other. */
  LOCKED = 'locked',
}

/**
 * A `RUN --mount`. Values are written into a CSV flag, so they may hold letters, digits and `_ . / @ : + % ~ = -`
 * only; anything else is a validation error.
 * @see https://docs.docker.com/reference/dockerfile/#run---mount
 */
export interface RunMount {
  /** The mount type (`type=`). */
  readonly mountType: MountType;
  /**
   * Where the mount appears in the RUN step. Required for cache, bind and tmpfs mounts.
   * @default - for secrets, `/run/secrets/<id>`
   */
  readonly target?: string;
  /**
   * The cache id (cache mounts) or secret id (secret mounts).
   * @default - the target (cache mounts)
   */
  readonly id?: string;
  /**
   * The path inside `fromStage` (bind and cache mounts) or the secret's source.
   * @default - the root of `fromStage`, or of the build context for bind mounts
   */
  readonly source?: string;
  /**
   * A stage of the same Dockerfile, before this one, to mount from (bind and cache mounts). A Stage, never a
   * name, so a renamed stage cannot break the mount (`from=`).
   * @default - the build context (bind mounts), an empty directory (cache mounts)
   */
  readonly fromStage?: Stage;
  /**
   * How concurrent builds share a cache mount.
   * @default CacheSharing.SHARED
   */
  readonly sharing?: CacheSharing;
  /**
   * Whether the build fails when the secret is not provided (secret mounts).
   * @default false
   */
  readonly required?: boolean;
  /**
   * Whether writes to a bind mount are allowed (they are discarded after the step).
   * @default - read-only for bind mounts, read-write for cache and tmpfs mounts
   */
  readonly readWrite?: boolean;
  /**
   * File mode, in octal (`0400`), of a secret or cache mount.
   * @default - BuildKit's default (0400 for secrets, 0755 for caches)
   */
  readonly mode?: string;
  /**
   * Owner user id of a secret or cache mount.
   * @default 0
   */
  readonly uid?: number;
  /**
   * Owner group id of a secret or cache mount.
   * @default 0
   */
  readonly gid?: number;
  /**
   * Also expose a secret as this environment variable (secret mounts). Needs Dockerfile frontend 1.10 or later;
   * older built-in frontends reject the key.
   * @default - the secret is only a file
   */
  readonly env?: string;
}

/**
 * Options of a RUN instruction.
 * @see https://docs.docker.com/reference/dockerfile/#run
 */
export interface RunOptions {
  /**
   * Mounts for this step.
   * @default - none
   */
  readonly mounts?: RunMount[];
  /**
   * The network of this step.
   * @default - the build's network (no flag written)
   */
  readonly network?: RunNetwork;
}
