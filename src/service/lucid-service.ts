import { Construct, IConstruct } from 'constructs';
import { FOUNDATION_SERVICE, LUCID_SERVICE } from './brands';
import { secretEnvProblems } from './env-check';
import { HealthCheck, HealthCheckKind } from './health-check';
import { Layer } from './layer';
import { Plane } from './plane';
import { secretProblems, ServiceSecret } from './secret';
import { ServiceRuntime } from './service-runtime';
import { tryAppOf } from '../core/app-of';
import { brand, hasBrand } from '../core/brand';
import { familyNotOfLanguage, noServiceRecipe } from '../core/errors';
import { LucidLabel } from '../core/labels';
import { isPort, portProblem } from '../core/port';
import { textProblems } from '../core/text';
import { Protocol, Stage } from '../dockerfile';
import { BuildSecret } from '../images/build-secret';
import { ImageKind, LucidImage } from '../images/lucid-image';
import { effectiveEnvVars } from '../images/stage-inheritance';
import { BuiltService, ImageRecipe, LanguageRecipe } from '../recipes';
import { DistrolessUser, RuntimeFamily, RuntimeLanguage } from '../runtimes';


/**
 * A service of the stack that others can depend on: a Lucid service, or a foundation service
 * (database, cache) that runs an upstream image.
 */
export interface IStackService extends IConstruct {
  /** The compose service name. */
  readonly serviceName: string;
  /** The layer the service belongs to; dependencies go to the same or a lower layer. */
  readonly layer: Layer;
}

/**
 * Whether `x` is a running service of a stack: a Lucid service or a foundation service (brands, so that copies of
 * the library recognize each other's services). A base image is not one. @internal
 */
export function isStackService(x: any): x is IStackService {
  return hasBrand(x, LUCID_SERVICE) || hasBrand(x, FOUNDATION_SERVICE);
}

/**
 * Properties of a Lucid service.
 */
export interface LucidServiceProps {
  /** The plane (label `org.lucid.plane`). */
  readonly plane: Plane;
  /** The layer (label `org.lucid.layer`). */
  readonly layer: Layer;
  /** How the image is built and run. */
  readonly runtime: ServiceRuntime;
  /** The build context, relative to the app's folder; the Dockerfile is generated into it. */
  readonly directory: string;
  /** The port the service listens on (label `org.lucid.expose`, EXPOSE, health check, `PORT` env). */
  readonly port: number;
  /** What the service does (labels `description` and `org.opencontainers.image.description`). */
  readonly description: string;
  /**
   * The `version` label.
   * @default '1.0.0'
   */
  readonly version?: string;
  /**
   * The repository name of the image.
   * @default `lucid-<id>`
   */
  readonly imageName?: string;
  /**
   * The size budget in MB.
   * @default - by runtime: Python 100, Java 150, Node 180, others 100
   */
  readonly sizeBudgetMb?: number;
  /**
   * Environment of the image. Values are literal (never secrets: see `secrets`).
   * @default {}
   */
  readonly env?: { [key: string]: string };
  /**
   * Runtime secrets, mounted at `/run/secrets/<name>` by compose; never part of the image.
   * @default []
   */
  readonly secrets?: ServiceSecret[];
  /**
   * The health check.
   * @default HealthCheck.http({ path: '/health' })
   */
  readonly healthCheck?: HealthCheck;
  /**
   * Services this one needs running and healthy first: Lucid or foundation services of the same app. A base
   * image is no service: the one this service is built on is built first without being listed.
   * @default []
   */
  readonly dependsOn?: IStackService[];
  /**
   * Services this one calls at run time (over HTTP, a database protocol, ...), whether or not it waits for them
   * at start-up: compose puts the two on a common network, and STACK.md draws the link. A service it depends on
   * needs no entry here.
   * @default []
   */
  readonly talksTo?: IStackService[];
  /**
   * Arguments after the entrypoint (CMD).
   * @default []
   */
  readonly args?: string[];
  /**
   * Secrets the build steps that fetch dependencies need (private package index credentials), mounted only
   * into those steps.
   * @default []
   */
  readonly buildSecrets?: BuildSecret[];
}

/**
 * A runnable Lucid service: its multi-stage Dockerfile (distroless runtime, `USER 65532:65532`, exec-form
 * ENTRYPOINT and HEALTHCHECK with the runtime's own interpreter, no RUN in the runtime stage), labels, and
 * what compose and bake need to run and build it.
 */
export class LucidService extends LucidImage implements IStackService {
  /** Whether `x` is a LucidService (works across copies of this library). */
  public static isLucidService(x: any): x is LucidService {
    return hasBrand(x, LUCID_SERVICE);
  }

  /** The path a secret is mounted at. */
  public static secretPath(secret: ServiceSecret): string {
    return `/run/secrets/${secret.name}`;
  }

  /** The env var that tells the service where a secret is: `<envVar>_FILE`. */
  public static secretEnvVar(secret: ServiceSecret): string {
    return `${secret.envVar ?? secret.name.toUpperCase().replace(/-/g, '_')}_FILE`;
  }

  public readonly kind = ImageKind.SERVICE;
  /** The plane. */
  public readonly plane: Plane;
  /** The layer. */
  public readonly layer: Layer;
  /** The port. */
  public readonly port: number;
  /** The runtime. */
  public readonly runtime: ServiceRuntime;
  /** The health check. */
  public readonly healthCheck: HealthCheck;
  /** The exec-form command the health check runs. */
  public readonly healthCheckCommand: string[];
  /** The service name (label `org.lucid.service`, compose service). */
  public readonly serviceName: string;

  private readonly env: { [key: string]: string };
  private readonly secretList: ServiceSecret[];
  private readonly dependencies: IStackService[] = [];
  private readonly peers: IStackService[] = [];
  private readonly stageFamily: RuntimeFamily;
  private readonly tcpProbeMissing: boolean;

  /**
   * @param scope the construct this one belongs to (a LucidApp, or a construct inside one)
   * @param id the construct id: names the bake target and the compose service, so keep it short and stable
   * @param props its properties
   */
  constructor(scope: Construct, id: string, props: LucidServiceProps) {
    super(scope, id, {
      ...props,
      sizeBudgetMb: props.sizeBudgetMb ?? props.runtime._recipe.defaultBudgetMb,
    });
    brand(this, LUCID_SERVICE);
    this.plane = props.plane;
    this.layer = props.layer;
    this.port = props.port;
    this.runtime = props.runtime;
    this.serviceName = id;
    this.healthCheck = props.healthCheck ?? HealthCheck.http();
    this.env = { ...(props.env ?? {}) };
    this.secretList = [...(props.secrets ?? [])];
    for (const d of props.dependsOn ?? []) {
      this.addDependency(d);
    }
    for (const t of props.talksTo ?? []) {
      this.addTalksTo(t);
    }

    const built = this.buildStages(props);
    this.stageFamily = built.family;
    const runtime = built.runtime;
    const probePort = this.healthCheck.port ?? this.port;
    const probeTimeout = Math.max(1, this.healthCheck.timeoutSeconds - 1);
    this.tcpProbeMissing = this.healthCheck.kind === HealthCheckKind.TCP && !built.tcpProbe;
    if (this.healthCheck.kind === HealthCheckKind.COMMAND) {
      this.healthCheckCommand = [...this.healthCheck.command!];
    } else if (this.healthCheck.kind === HealthCheckKind.TCP && built.tcpProbe) {
      this.healthCheckCommand = built.tcpProbe(probePort, probeTimeout);
    } else {
      // (A TCP check on a runtime without a TCP probe is reported by the validation.)
      this.healthCheckCommand = built.probe(`http://127.0.0.1:${probePort}${this.healthCheck.path ?? '/health'}`, probeTimeout);
    }

    // Each variable once per image chain: what the recipe or a base image already sets to the same value is not
    // repeated (a different value is an override, and is written).
    // The images it is built on are known: no lookup over the whole tree while the tree is being built.
    const bases = this.baseImages;
    const inherited = effectiveEnvVars(runtime, ref => bases.find(i => i.imageRef === ref));
    for (const [key, value] of [['PORT', String(this.port)], ...Object.entries(this.env)]) {
      if (inherited[key] !== value) {
        runtime.addEnv(key, value);
      }
    }
    runtime.addUser(`${DistrolessUser.NONROOT_UID}:${DistrolessUser.NONROOT_GID}`);
    runtime.addExpose(this.port, Protocol.TCP);
    runtime.useStopSignal(built.stopSignal);
    runtime.useHealthcheck({
      command: this.healthCheckCommand,
      intervalSeconds: this.healthCheck.intervalSeconds,
      timeoutSeconds: this.healthCheck.timeoutSeconds,
      startPeriodSeconds: this.healthCheck.startPeriodSeconds,
      startIntervalSeconds: this.healthCheck.startIntervalSeconds,
      retries: this.healthCheck.retries,
    });
    runtime.useEntrypoint(built.entrypoint);
    if (props.args && props.args.length > 0) {
      runtime.useCmd(props.args);
    }
    // Labels last: changing one invalidates no layer.
    this.addLucidLabels(runtime);
    this.node.addValidation({ validate: () => this.validateService() });
  }

  /** The distroless family of the runtime stage. */
  public get runtimeFamily(): RuntimeFamily {
    return this.stageFamily;
  }

  /** The service runtime's recipe, which built its stages. @internal */
  public _structureRecipe(): ImageRecipe {
    return {
      recipe: this.runtime._recipe,
      facts: {
        service: true,
        family: this.runtime.family,
        entrypoint: this._entrypoint(),
        runtime: this.runtime,
        probe: this.healthCheck.kind !== HealthCheckKind.COMMAND,
      },
    };
  }

  /** Adds a service this one needs running and healthy first. */
  public addDependency(service: IStackService): void {
    if (!this.dependencies.includes(service)) {
      this.dependencies.push(service);
    }
  }

  /** The services this one depends on. */
  public get dependsOn(): IStackService[] {
    return [...this.dependencies];
  }

  /**
   * Adds a service this one calls at run time, apart from start-up order: compose puts the two on a common
   * network (the callee's plane network, or the caller's for a foundation service).
   */
  public addTalksTo(service: IStackService): void {
    if (!this.peers.includes(service)) {
      this.peers.push(service);
    }
  }

  /** The services this one calls at run time, as declared with `talksTo` / `addTalksTo`. */
  public get talksTo(): IStackService[] {
    return [...this.peers];
  }

  /** The service's literal environment (without `PORT` and secret paths). */
  public get environment(): { [key: string]: string } {
    return { ...this.env };
  }

  /** The service's runtime secrets. */
  public get secrets(): ServiceSecret[] {
    return [...this.secretList];
  }

  private addLucidLabels(stage: Stage): void {
    this._addStandardLabels(stage);
    stage.addLabel(LucidLabel.PLANE, this.plane);
    stage.addLabel(LucidLabel.LAYER, String(this.layer));
    stage.addLabel(LucidLabel.SERVICE, this.serviceName);
    stage.addLabel(LucidLabel.EXPOSE, String(this.port));
  }

  private buildStages(props: LucidServiceProps): BuiltService {
    const recipe: LanguageRecipe = props.runtime._recipe;
    if (!recipe.buildService) {
      throw noServiceRecipe(this.node.path, recipe.name);
    }
    return recipe.buildService({
      image: this,
      dockerfile: this.dockerfile,
      fromFamily: family => this._fromFamily(family),
      // The base images a ServiceRuntime takes are the app's LucidImages.
      fromLucidImage: image => this._fromLucidImage(image as LucidImage),
      secretMounts: () => this._secretMounts(),
      needsProbe: this.healthCheck.kind !== HealthCheckKind.COMMAND,
    }, props.runtime);
  }

  /**
   * What is wrong with `other` as a service this one depends on or talks to (`prop` names the list): it must be
   * another running service (a Lucid or foundation service, not a base image) of the same app.
   */
  private peerProblems(prop: string, verb: string, other: IStackService): string[] {
    if (other === this) {
      return [`${prop}: a service cannot ${verb} itself: remove it from ${prop}`];
    }
    const name = other?.node?.id ?? String(other);
    if (!isStackService(other)) {
      if (LucidImage.isLucidImage(other)) {
        return [`${prop} "${name}" is a base image, not a running service: ${verb} a service (LucidService or FoundationService); ` +
          'a base image the service is built on is built first automatically'];
      }
      return [`${prop} "${name}" is not a service: give a LucidService or FoundationService`];
    }
    if (tryAppOf(other) !== tryAppOf(this)) {
      return [`${prop} "${name}" belongs to another app (${other.node.path}): a service can only ${verb} services of its own app`];
    }
    return [];
  }

  private validateService(): string[] {
    const errors: string[] = [];
    // What reaches compose as text (the image checks its labels; the Dockerfile's own checks name its stage).
    errors.push(...textProblems([
      ...Object.entries(this.env).map(([k, v]) => [`env ${JSON.stringify(k)}`, v] as const),
      ...this.healthCheckCommand.map((a, i) => [`health check argument #${i + 1}`, a] as const),
    ], { nfc: true }));
    if (!isPort(this.port)) {
      errors.push(portProblem('port', this.port));
    }
    // Enums are checked where a caller in another language (or JavaScript) can pass anything.
    if (!(Object.values(Plane) as unknown[]).includes(this.plane)) {
      errors.push(`plane ${JSON.stringify(this.plane)} is not a Plane: use one of ${Object.keys(Plane).map(k => `Plane.${k}`).join(', ')}`);
    }
    if (!(Object.values(Layer).filter(v => typeof v === 'number') as unknown[]).includes(this.layer)) {
      errors.push(`layer ${JSON.stringify(this.layer)} is not a Layer: use one of ${Object.keys(Layer).filter(k => isNaN(Number(k))).map(k => `Layer.${k}`).join(', ')}`);
    }
    errors.push(...this.healthCheck.problems());
    if (this.runtime.family.language !== this.runtime.language) {
      const names = RuntimeFamily.all().filter(f => f.language === this.runtime.language).map(f => f.name);
      errors.push(familyNotOfLanguage('', this.runtime.family.name, this.runtime.language, names).problem);
    }
    errors.push(...(this.runtime._recipe.serviceProblems?.(this.runtime) ?? []));
    for (const key of Object.keys(this.env)) {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) {
        errors.push(`env name "${key}" is not a valid variable name: use letters, digits and "_", not starting with a digit`);
      }
      if (key === 'PORT') {
        errors.push('env PORT is set from the service\'s port: remove it from env');
      }
    }
    errors.push(...secretEnvProblems(this.env));
    errors.push(...secretProblems(this.secretList));
    // A dependency on a higher layer is the compliance rule LUCID-LYR1's to report (it can be suppressed).
    for (const d of this.dependencies) {
      errors.push(...this.peerProblems('dependsOn', 'depend on', d));
    }
    for (const t of this.peers) {
      errors.push(...this.peerProblems('talksTo', 'talk to', t));
    }
    const native = this.stageFamily.language === RuntimeLanguage.NATIVE && !this.runtime._recipe.compiledProbe;
    if (this.healthCheck.kind === HealthCheckKind.HTTP && native) {
      errors.push('an HTTP health check needs an interpreter in the runtime: give HealthCheck.exec([...]) with a probe binary');
    }
    if (this.tcpProbeMissing) {
      errors.push(`a TCP health check needs the probe that the ${this.runtime._recipe.name} recipe does not compile: `
        + 'use HealthCheck.http(), or HealthCheck.exec([...]) with a program of the runtime image');
    }
    return errors;
  }
}
