import { Construct } from 'constructs';
import { FOUNDATION_SERVICE } from './brands';
import { secretEnvProblems } from './env-check';
import { HealthCheck, HealthCheckKind } from './health-check';
import { Layer } from './layer';
import { IStackService } from './lucid-service';
import { RUN_CONTRACT } from './run-contract';
import { secretProblems, ServiceSecret } from './secret';
import { brand, hasBrand } from '../core/brand';
import { newConstructId } from '../core/construct-id';
import { CONTAINER_USER_FIX, isContainerUser } from '../core/container-user';
import { invalidEnvName } from '../core/errors';
import { containerPathProblem } from '../core/path-grammar';
import { isPort, portProblem } from '../core/port';
import { textProblems } from '../core/text';
import { ImageReference } from '../dockerfile';


/**
 * Properties of a foundation service.
 */
export interface FoundationServiceProps {
  /** The image it runs, pinned to a version tag or a digest (e.g. `redis:8.0`). It is pulled, not built. */
  readonly image: string;
  /** The port it listens on. */
  readonly port: number;
  /** Its health check: a command in exec form, run with the image's own tools. */
  readonly healthCheck: HealthCheck;
  /**
   * The layer it belongs to.
   * @default Layer.CORE_SUPPORT
   */
  readonly layer?: Layer;
  /**
   * Where it keeps its data: a named volume `<id>-data` is mounted there.
   * @default - no volume
   */
  readonly dataPath?: string;
  /**
   * Environment (literal values only; secrets go in `secrets`).
   * @default {}
   */
  readonly env?: { [key: string]: string };
  /**
   * Runtime secrets.
   * @default []
   */
  readonly secrets?: ServiceSecret[];
  /**
   * Overrides the image's command.
   * @default - the image's command
   */
  readonly command?: string[];
  /**
   * The user it runs as.
   * @default - the image's own user
   */
  readonly user?: string;
  /**
   * Paths mounted as tmpfs (writable although the root filesystem is read-only).
   * @default ['/tmp']
   */
  readonly tmpfs?: string[];
}

/** Options of the foundation service presets. */
export interface FoundationPresetOptions {
  /**
   * The image.
   * @default - the preset's pinned image
   */
  readonly image?: string;
  /**
   * The port.
   * @default - the upstream default port
   */
  readonly port?: number;
  /**
   * The user it runs as (`uid:gid`). The presets run the official image's own unprivileged user, so that its
   * entrypoint never starts as root to step down (with every capability dropped, it could not).
   * @default - the official image's user: redis and mongodb `999:999`, elasticsearch `1000:0`
   */
  readonly user?: string;
}

/**
 * A service of the stack that runs an upstream (or custom) image instead of being built from this app:
 * a database, a cache, a search engine. Lucid services depend on it; compose runs it with its health check.
 */
export class FoundationService extends Construct implements IStackService {
  /** Whether `x` is a FoundationService (works across copies of this library). */
  public static isFoundationService(x: any): x is FoundationService {
    return hasBrand(x, FOUNDATION_SERVICE);
  }

  /** Redis, checked with `redis-cli ping` (`/usr/local/bin/redis-cli`, where the official image installs it). */
  public static redis(scope: Construct, id: string, options: FoundationPresetOptions = {}): FoundationService {
    const port = options.port ?? 6379;
    return new FoundationService(scope, id, {
      image: options.image ?? 'redis:8.0',
      port,
      user: options.user ?? '999:999',
      healthCheck: HealthCheck.exec(['/usr/local/bin/redis-cli', '-p', String(port), 'ping'], { intervalSeconds: 5, timeoutSeconds: 3, startPeriodSeconds: 10, retries: 5 }),
      command: ['redis-server', '--port', String(port), '--save', '', '--appendonly', 'no'],
    });
  }

  /** MongoDB, checked with `mongosh` (`/usr/bin/mongosh` in the official image) pinging the admin database. */
  public static mongodb(scope: Construct, id: string, options: FoundationPresetOptions = {}): FoundationService {
    const port = options.port ?? 27017;
    return new FoundationService(scope, id, {
      image: options.image ?? 'mongo:8.0',
      port,
      user: options.user ?? '999:999',
      dataPath: '/data/db',
      healthCheck: HealthCheck.exec(['/usr/bin/mongosh', '--quiet', '--port', String(port), '--eval', "quit(db.adminCommand('ping').ok ? 0 : 1)"],
        { intervalSeconds: 10, timeoutSeconds: 5, startPeriodSeconds: 30, retries: 5 }),
      command: ['mongod', '--port', String(port), '--bind_ip_all'],
    });
  }

  /** Elasticsearch (single node), checked through its cluster health API with the image's `/usr/bin/curl`. */
  public static elasticsearch(scope: Construct, id: string, options: FoundationPresetOptions = {}): FoundationService {
    const port = options.port ?? 9200;
    return new FoundationService(scope, id, {
      image: options.image ?? 'docker.elastic.co/elasticsearch/elasticsearch:8.19.0',
      port,
      user: options.user ?? '1000:0',
      dataPath: '/usr/share/elasticsearch/data',
      env: { 'discovery.type': 'single-node', 'xpack.security.enabled': 'false', 'http.port': String(port) },
      healthCheck: HealthCheck.exec(['/usr/bin/curl', '--fail', '--silent', `http://127.0.0.1:${port}/_cluster/health?wait_for_status=yellow&timeout=5s`],
        { intervalSeconds: 10, timeoutSeconds: 8, startPeriodSeconds: 60, retries: 10 }),
    });
  }

  /** The compose service name: the construct id. */
  public readonly serviceName: string;
  /** The image it runs. */
  public readonly image: string;
  /** The port. */
  public readonly port: number;
  /** The layer. */
  public readonly layer: Layer;
  /** The health check. */
  public readonly healthCheck: HealthCheck;
  /** Where it keeps its data, if anywhere. */
  public readonly dataPath?: string;
  /** The command, if overridden. */
  public readonly command?: string[];
  /** The user, if overridden. */
  public readonly user?: string;
  /** tmpfs mounts. */
  public readonly tmpfs: string[];
  private readonly env: { [key: string]: string };
  private readonly secretList: ServiceSecret[];

  /**
   * @param scope the construct this one belongs to (a LucidApp, or a construct inside one)
   * @param id the construct id: names the bake target and the compose service, so keep it short and stable
   * @param props its properties
   */
  constructor(scope: Construct, id: string, props: FoundationServiceProps) {
    super(scope, newConstructId(scope, id));
    brand(this, FOUNDATION_SERVICE);
    this.serviceName = id;
    this.image = props.image;
    this.port = props.port;
    this.layer = props.layer ?? Layer.CORE_SUPPORT;
    this.healthCheck = props.healthCheck;
    this.dataPath = props.dataPath;
    this.command = props.command;
    this.user = props.user;
    this.tmpfs = props.tmpfs ?? ['/tmp'];
    this.env = { ...(props.env ?? {}) };
    this.secretList = [...(props.secrets ?? [])];
    this.node.addValidation({ validate: () => this.validateFoundation() });
  }

  /** Its literal environment. */
  public get environment(): { [key: string]: string } {
    return { ...this.env };
  }

  /** Its runtime secrets. */
  public get secrets(): ServiceSecret[] {
    return [...this.secretList];
  }

  private validateFoundation(): string[] {
    const errors: string[] = [];
    if (!ImageReference.isValid(this.image)) {
      errors.push(`image ${JSON.stringify(this.image)} is not a valid image reference: write [registry/]repository[:tag][@digest] in lower case, e.g. "redis:8.0" or "docker.io/library/postgres:17"`);
    } else {
      const ref = ImageReference.parse(this.image);
      if (!ref.digest && (!ref.tag || ref.tag === 'latest')) {
        errors.push(`image "${this.image}" is not pinned: give a version tag (e.g. "redis:8.0") or a digest, never "latest"`);
      }
    }
    if (!isPort(this.port)) {
      errors.push(portProblem('port', this.port));
    }
    if (this.healthCheck.kind !== HealthCheckKind.COMMAND) {
      errors.push('a foundation service needs HealthCheck.exec([...]) run with its image\'s own tools');
    }
    errors.push(...this.healthCheck.problems());
    for (const key of Object.keys(this.env).filter(k => !/^[^\s=\p{C}]+$/u.test(k))) {
      errors.push(invalidEnvName('', key).problem);
    }
    errors.push(...secretEnvProblems(this.env));
    errors.push(...secretProblems(this.secretList));
    const dataProblem = this.dataPath === undefined ? undefined : containerPathProblem(this.dataPath);
    if (dataProblem !== undefined) {
      errors.push(`dataPath ${JSON.stringify(this.dataPath)} ${dataProblem}`);
    }
    for (const t of this.tmpfs) {
      const problem = containerPathProblem(t, { noColon: true, example: '/tmp' });
      if (problem !== undefined) {
        errors.push(`tmpfs ${JSON.stringify(t)} ${problem}`);
      }
    }
    if (this.user !== undefined && !isContainerUser(this.user)) {
      errors.push(`user ${JSON.stringify(this.user)} is not a user: ${CONTAINER_USER_FIX}`);
    } else if (this.user !== undefined && isRootUser(this.user)) {
      errors.push(`user ${JSON.stringify(this.user)} is root: give the non-root uid the image runs as (e.g. "999:999"), or "${RUN_CONTRACT.user}" for a distroless image`);
    }
    if (!/^[a-z0-9][a-z0-9_.-]*$/.test(this.serviceName)) {
      errors.push(`id ${JSON.stringify(this.serviceName)} names the compose service: use lower case letters, digits, ".", "-" and "_"`);
    }
    errors.push(...textProblems([
      ['image', this.image], ['user', this.user], ['dataPath', this.dataPath],
      ...Object.entries(this.env).flatMap(([k, v]) => [['env name', k], [`env ${JSON.stringify(k)}`, v]] as const),
      ...(this.command ?? []).map((a, i) => [`command argument #${i + 1}`, a] as const),
      ...(this.healthCheck.command ?? []).map((a, i) => [`health check argument #${i + 1}`, a] as const),
      ...this.tmpfs.map(t => ['tmpfs', t] as const),
      ...this.secretList.map(s => [`secret "${s.name}" location`, s.location] as const),
    ]));
    return errors;
  }
}

/** Whether a compose `user` (`name`, `uid`, `name:group`, `uid:gid`) runs as root. */
function isRootUser(user: string): boolean {
  const who = user.split(':')[0].trim();
  return who === 'root' || /^0+$/.test(who);
}
