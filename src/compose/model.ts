import { ComposeDuration } from './duration';

// The subset of the compose specification that lucid-cdk emits, as plain data. Property names are camelCase
// (jsii); the renderer writes the specification's snake_case keys. String values are given as they are meant
// (a literal `$` is written `$`): the renderer escapes them for compose interpolation.

/**
 * A compose file: the `docker-compose.yml` of a stack or the build-only `docker-compose.base.yml`.
 *
 * @see https://github.com/compose-spec/compose-spec/blob/main/03-compose-file.md
 */
export interface ComposeFileModel {
  /**
   * The project name. Lower case letters, digits, dashes and underscores, starting with a letter or digit.
   * @default - compose derives it from the folder
   * @see https://github.com/compose-spec/compose-spec/blob/main/04-version-and-name.md
   */
  readonly name?: string;

  /**
   * The services, by name (`[a-zA-Z0-9._-]+`). Rendered sorted by name.
   * @see https://github.com/compose-spec/compose-spec/blob/main/05-services.md
   */
  readonly services: { [name: string]: ComposeService };

  /**
   * Networks services join, by name. The implicit `default` network needs no declaration.
   * @default - no networks block
   * @see https://github.com/compose-spec/compose-spec/blob/main/06-networks.md
   */
  readonly networks?: { [name: string]: ComposeNetwork };

  /**
   * Named volumes services mount, by name.
   * @default - no volumes block
   * @see https://github.com/compose-spec/compose-spec/blob/main/07-volumes.md
   */
  readonly volumes?: { [name: string]: ComposeVolume };

  /**
   * Secrets services and builds use, by name.
   * @default - no secrets block
   * @see https://github.com/compose-spec/compose-spec/blob/main/09-secrets.md
   */
  readonly secrets?: { [name: string]: ComposeSecret };
}

/**
 * One service of a compose file. A service has an `image`, an `imageBuild`, or both.
 *
 * @see https://github.com/compose-spec/compose-spec/blob/main/05-services.md
 */
export interface ComposeService {
  /**
   * The image to run, or the tag to give the built image when `imageBuild` is set.
   * @default - none: `imageBuild` must be set
   * @see https://github.com/compose-spec/compose-spec/blob/main/05-services.md#image
   */
  readonly image?: string;

  /**
   * How to build the service's image: the service's `build` key (named `imageBuild` here because `build` is a
   * reserved member name in some jsii languages).
   * @default - not built
   * @see https://github.com/compose-spec/compose-spec/blob/main/build.md
   */
  readonly imageBuild?: ComposeBuild;

  /**
   * Overrides the image's `ENTRYPOINT`, in exec form.
   * @default - the image's entrypoint
   * @see https://github.com/compose-spec/compose-spec/blob/main/05-services.md#entrypoint
   */
  readonly entrypoint?: string[];

  /**
   * Overrides the image's `CMD`, in exec form.
   * @default - the image's command
   * @see https://github.com/compose-spec/compose-spec/blob/main/05-services.md#command
   */
  readonly command?: string[];

  /**
   * The user (name or UID, optionally `:group`) the container runs as, e.g. `65532:65532`.
   * @default - the image's user
   * @see https://github.com/compose-spec/compose-spec/blob/main/05-services.md#user
   */
  readonly user?: string;

  /**
   * Runs an init process (PID 1) that forwards signals and reaps processes.
   * @default - not set (the engine's default)
   * @see https://github.com/compose-spec/compose-spec/blob/main/05-services.md#init
   */
  readonly init?: boolean;

  /**
   * Mounts the container's root filesystem read-only.
   * @default - not set (writable)
   * @see https://github.com/compose-spec/compose-spec/blob/main/05-services.md#read_only
   */
  readonly readOnly?: boolean;

  /**
   * Capabilities to drop, e.g. `ALL`.
   * @default - none
   * @see https://github.com/compose-spec/compose-spec/blob/main/05-services.md#cap_drop
   */
  readonly capDrop?: string[];

  /**
   * Capabilities to add, e.g. `NET_BIND_SERVICE`.
   * @default - none
   * @see https://github.com/compose-spec/compose-spec/blob/main/05-services.md#cap_add
   */
  readonly capAdd?: string[];

  /**
   * Security options, e.g. `no-new-privileges:true`.
   * @default - none
   * @see https://github.com/compose-spec/compose-spec/blob/main/05-services.md#security_opt
   */
  readonly securityOpt?: string[];

  /**
   * Paths to mount as tmpfs (writable scratch space for a read-only root filesystem), e.g. `/tmp`.
   * @default - none
   * @see https://github.com/compose-spec/compose-spec/blob/main/05-services.md#tmpfs
   */
  readonly tmpfs?: string[];

  /**
   * The container's PID limit; `-1` for unlimited.
   * @default - not set
   * @see https://github.com/compose-spec/compose-spec/blob/main/05-services.md#pids_limit
   */
  readonly pidsLimit?: number;

  /**
   * Environment variables, by name. Rendered sorted by name.
   * @default - none
   * @see https://github.com/compose-spec/compose-spec/blob/main/05-services.md#environment
   */
  readonly environment?: { [name: string]: string };

  /**
   * Secrets mounted into the container; each must be declared in the file's top-level `secrets`.
   * @default - none
   * @see https://github.com/compose-spec/compose-spec/blob/main/05-services.md#secrets
   */
  readonly secrets?: ComposeServiceSecret[];

  /**
   * Volumes mounted into the container.
   * @default - none
   * @see https://github.com/compose-spec/compose-spec/blob/main/05-services.md#volumes
   */
  readonly volumes?: ComposeServiceVolume[];

  /**
   * Ports published on the host.
   * @default - none
   * @see https://github.com/compose-spec/compose-spec/blob/main/05-services.md#ports
   */
  readonly ports?: ComposePort[];

  /**
   * Networks the service joins, by name; each must be declared in the file's top-level `networks`
   * (except `default`). Cannot be combined with `networkMode`.
   * @default - the `default` network
   * @see https://github.com/compose-spec/compose-spec/blob/main/05-services.md#networks
   */
  readonly networks?: { [name: string]: ComposeServiceNetwork };

  /**
   * The network mode: `none`, `host`, `bridge`, `service:<name>` or `container:<name>`.
   * Cannot be combined with `networks`.
   * @default - not set
   * @see https://github.com/compose-spec/compose-spec/blob/main/05-services.md#network_mode
   */
  readonly networkMode?: string;

  /**
   * Services this one depends on, by name (long syntax).
   * @default - none
   * @see https://github.com/compose-spec/compose-spec/blob/main/05-services.md#depends_on
   */
  readonly dependsOn?: { [service: string]: ComposeDependency };

  /**
   * The container's health check.
   * @default - the image's health check
   * @see https://github.com/compose-spec/compose-spec/blob/main/05-services.md#healthcheck
   */
  readonly healthcheck?: ComposeHealthcheck;

  /**
   * The restart policy.
   * @default - not set (`no`)
   * @see https://github.com/compose-spec/compose-spec/blob/main/05-services.md#restart
   */
  readonly restart?: ComposeRestartPolicy;

  /**
   * The signal that stops the container, e.g. `SIGTERM`.
   * @default - the image's stop signal
   * @see https://github.com/compose-spec/compose-spec/blob/main/05-services.md#stop_signal
   */
  readonly stopSignal?: string;

  /**
   * How long to wait after the stop signal before killing the container.
   * @default - not set (10 seconds)
   * @see https://github.com/compose-spec/compose-spec/blob/main/05-services.md#stop_grace_period
   */
  readonly stopGracePeriod?: ComposeDuration;

  /**
   * How many containers of the service run. `0` makes a build-only service: `up --build` builds its image (as
   * a base other services' builds use through `additionalContexts`), and no container of it ever starts.
   * @default - not set (1)
   * @see https://github.com/compose-spec/compose-spec/blob/main/05-services.md#scale
   */
  readonly scale?: number;

  /**
   * Profiles that enable the service; a service with profiles starts only when one of them is active.
   * @default - always enabled
   * @see https://github.com/compose-spec/compose-spec/blob/main/15-profiles.md
   */
  readonly profiles?: string[];

  /**
   * Container labels, by key. Rendered sorted by key.
   * @default - none
   * @see https://github.com/compose-spec/compose-spec/blob/main/05-services.md#labels
   */
  readonly labels?: { [key: string]: string };
}

/**
 * How compose builds a service's image.
 *
 * @see https://github.com/compose-spec/compose-spec/blob/main/build.md
 */
export interface ComposeBuild {
  /**
   * The build context: a path relative to the compose file, or a URL.
   * @see https://github.com/compose-spec/compose-spec/blob/main/build.md#context
   */
  readonly context: string;

  /**
   * The Dockerfile, relative to the context.
   * @default - `Dockerfile`
   * @see https://github.com/compose-spec/compose-spec/blob/main/build.md#dockerfile
   */
  readonly dockerfile?: string;

  /**
   * The stage to build.
   * @default - the last stage
   * @see https://github.com/compose-spec/compose-spec/blob/main/build.md#target
   */
  readonly target?: string;

  /**
   * Named contexts the Dockerfile can use in `FROM` and `COPY --from`, by name: `service:<name>` stands for the
   * image another service of the file builds, which compose then builds first. Rendered sorted by name.
   * @default - none
   * @see https://github.com/compose-spec/compose-spec/blob/main/build.md#additional_contexts
   */
  readonly additionalContexts?: { [name: string]: string };

  /**
   * Build arguments, by name. Rendered sorted by name.
   * @default - none
   * @see https://github.com/compose-spec/compose-spec/blob/main/build.md#args
   */
  readonly args?: { [name: string]: string };

  /**
   * Labels of the built image, by key. Rendered sorted by key.
   * @default - none
   * @see https://github.com/compose-spec/compose-spec/blob/main/build.md#labels
   */
  readonly labels?: { [key: string]: string };

  /**
   * Secrets the build may mount (`RUN --mount=type=secret`); each must be declared in the file's
   * top-level `secrets`.
   * @default - none
   * @see https://github.com/compose-spec/compose-spec/blob/main/build.md#secrets
   */
  readonly secrets?: ComposeServiceSecret[];
}

/**
 * A service's health check. Either `test` or `disable` is set.
 *
 * @see https://github.com/compose-spec/compose-spec/blob/main/05-services.md#healthcheck
 */
export interface ComposeHealthcheck {
  /**
   * The check's command in exec form, without the leading `CMD`: rendered as `["CMD", ...test]`, run without
   * a shell (distroless images have none).
   * @default - none: `disable` must be set
   */
  readonly test?: string[];

  /**
   * Disables the image's health check.
   * @default false
   */
  readonly disable?: boolean;

  /**
   * Time between two checks.
   * @default - compose's default (30s)
   */
  readonly interval?: ComposeDuration;

  /**
   * Time after which one check counts as failed.
   * @default - compose's default (30s)
   */
  readonly timeout?: ComposeDuration;

  /**
   * Consecutive failures after which the container is unhealthy.
   * @default - compose's default (3)
   */
  readonly retries?: number;

  /**
   * Time the container gets to start before failures count.
   * @default - compose's default (0s)
   */
  readonly startPeriod?: ComposeDuration;

  /**
   * Time between two checks during the start period.
   * @default - compose's default (5s)
   */
  readonly startInterval?: ComposeDuration;
}

/**
 * When a dependency counts as ready.
 *
 * @see https://github.com/compose-spec/compose-spec/blob/main/05-services.md#long-syntax-1
 */
export enum ComposeDependencyCondition {
  /** The dependency has started. */
  SERVICE_STARTED = 'service_started',
  /** The dependency's health check passes. */
  SERVICE_HEALTHY = 'service_healthy',
  /** The dependency has run to completion with exit code 0. */
  SERVICE_COMPLETED_SUCCESSFULLY = 'service_completed_successfully',
}

/**
 * A dependency on another service (long syntax).
 *
 * @see https://github.com/compose-spec/compose-spec/blob/main/05-services.md#depends_on
 */
export interface ComposeDependency {
  /** When the dependency counts as ready. */
  readonly condition: ComposeDependencyCondition;

  /**
   * Whether the dependent service fails when the dependency is not started; `false` only warns.
   * @default - not written (compose's default: true)
   */
  readonly required?: boolean;

  /**
   * Whether compose restarts this service after it updates the dependency.
   * @default - not written (compose's default: false)
   */
  readonly restart?: boolean;
}

/**
 * A secret mounted into a service or a build (long syntax).
 *
 * @see https://github.com/compose-spec/compose-spec/blob/main/05-services.md#secrets
 */
export interface ComposeServiceSecret {
  /** The secret's name in the file's top-level `secrets`. */
  readonly source: string;

  /**
   * The mount path (`/run/secrets/<target>` when relative) or, for a build, the secret id.
   * @default - the source name
   */
  readonly target?: string;

  /**
   * The numeric UID owning the mounted file.
   * @default - compose's default
   */
  readonly uid?: string;

  /**
   * The numeric GID owning the mounted file.
   * @default - compose's default
   */
  readonly gid?: string;

  /**
   * The file's permission bits, e.g. `0o400` (rendered as a decimal number, which every YAML parser reads
   * the same way).
   * @default - compose's default (0444)
   */
  readonly mode?: number;
}

/**
 * A port published on the host (long syntax).
 *
 * @see https://github.com/compose-spec/compose-spec/blob/main/05-services.md#ports
 */
export interface ComposePort {
  /** The container port, 1–65535. */
  readonly target: number;

  /**
   * The host port, 1–65535.
   * @default - a random host port
   */
  readonly published?: number;

  /**
   * The host address to bind, e.g. `127.0.0.1`.
   * @default - all addresses
   */
  readonly hostIp?: string;

  /**
   * The protocol.
   * @default ComposePortProtocol.TCP (not written)
   */
  readonly protocol?: ComposePortProtocol;
}

/**
 * The protocol of a published port.
 *
 * @see https://github.com/compose-spec/compose-spec/blob/main/05-services.md#ports
 */
export enum ComposePortProtocol {
  /** TCP. */
  TCP = 'tcp',
  /** UDP. */
  UDP = 'udp',
}

/**
 * A service's restart policy.
 *
 * @see https://github.com/compose-spec/compose-spec/blob/main/05-services.md#restart
 */
export enum ComposeRestartPolicy {
  /** Never restart. */
  NO = 'no',
  /** Always restart. */
  ALWAYS = 'always',
  /** Restart when the container exits with a non-zero code. */
  ON_FAILURE = 'on-failure',
  /** Restart unless the container was stopped explicitly. */
  UNLESS_STOPPED = 'unless-stopped',
}

/**
 * A service's settings on one network.
 *
 * @see https://github.com/compose-spec/compose-spec/blob/main/05-services.md#networks
 */
export interface ComposeServiceNetwork {
  /**
   * Other host names of the service on this network.
   * @default - none
   */
  readonly aliases?: string[];
}

/**
 * The kind of a service's mount.
 *
 * @see https://github.com/compose-spec/compose-spec/blob/main/05-services.md#long-syntax-6
 */
export enum ComposeMountType {
  /** A named volume of the file's top-level `volumes`. */
  VOLUME = 'volume',
  /** A host path. */
  BIND = 'bind',
  /** A tmpfs. */
  TMPFS = 'tmpfs',
}

/**
 * A mount into a service's container (long syntax).
 *
 * @see https://github.com/compose-spec/compose-spec/blob/main/05-services.md#volumes
 */
export interface ComposeServiceVolume {
  /** The kind of mount (compose's `type`). */
  readonly mountType: ComposeMountType;

  /**
   * The volume's name (type `volume`, declared in the file's top-level `volumes`) or the host path (type `bind`).
   * @default - none (required except for tmpfs)
   */
  readonly source?: string;

  /** The path in the container. */
  readonly target: string;

  /**
   * Mounts read-only.
   * @default false
   */
  readonly readOnly?: boolean;
}

/**
 * A network of the compose file.
 *
 * @see https://github.com/compose-spec/compose-spec/blob/main/06-networks.md
 */
export interface ComposeNetwork {
  /**
   * The network's actual name.
   * @default - `<project>_<key>`
   */
  readonly name?: string;

  /**
   * The network driver.
   * @default - the engine's default (`bridge`)
   */
  readonly driver?: string;

  /**
   * Isolates the network from the outside (compose's `internal`).
   * @default false
   */
  readonly internalOnly?: boolean;

  /**
   * The network exists already and is not managed by compose.
   * @default false
   */
  readonly external?: boolean;

  /**
   * Network labels, by key.
   * @default - none
   */
  readonly labels?: { [key: string]: string };
}

/**
 * A named volume of the compose file.
 *
 * @see https://github.com/compose-spec/compose-spec/blob/main/07-volumes.md
 */
export interface ComposeVolume {
  /**
   * The volume's actual name.
   * @default - `<project>_<key>`
   */
  readonly name?: string;

  /**
   * The volume driver.
   * @default - the engine's default (`local`)
   */
  readonly driver?: string;

  /**
   * The volume exists already and is not managed by compose.
   * @default false
   */
  readonly external?: boolean;

  /**
   * Volume labels, by key.
   * @default - none
   */
  readonly labels?: { [key: string]: string };
}

/**
 * A secret of the compose file: its content comes from a file or from an environment variable of the machine
 * running compose. Exactly one of `file` and `environment` is set.
 *
 * @see https://github.com/compose-spec/compose-spec/blob/main/09-secrets.md
 */
export interface ComposeSecret {
  /**
   * A file holding the secret, relative to the compose file.
   * @default - none: `environment` must be set
   */
  readonly file?: string;

  /**
   * The name of an environment variable holding the secret.
   * @default - none: `file` must be set
   */
  readonly environment?: string;
}
