import { isIP } from 'net';
import { Construct, IConstruct } from 'constructs';
import { toComposeObject } from './compose-object';
import { ComposeDuration } from './duration';
import { escapeInterpolation } from './escape';
import {
  ComposeDependencyCondition, ComposeFileModel, ComposeMountType, ComposePortProtocol, ComposeSecret, ComposeService,
  ComposeServiceSecret,
} from './model';
import { renderComposeObject } from './render';
import { validateComposeModel, validateComposeObject } from './validate';
import type { ILucidApp } from '../core/app';
import { lockedImage } from '../core/app-of';
import { DocumentKind } from '../core/document';
import { ConstructError, dependencyCycle, hostPortTaken, invalidPublishAddress, secretSourceClash, serviceNameTaken } from '../core/errors';
import { GeneratedDocument } from '../core/generated-file';
import { cyclesOf, formatCycle } from '../core/graph';
import { IOverridableFile } from '../core/overridable-file';
import { requirePath } from '../core/path-grammar';
import { findAll } from '../core/tree-index';
import { ImageKind, LucidImage } from '../images/lucid-image';
import { FoundationService } from '../service/foundation-service';
import { HealthCheck } from '../service/health-check';
import { layerName } from '../service/layer';
import { IStackService, LucidService } from '../service/lucid-service';
import { RUN_CONTRACT } from '../service/run-contract';
import { SecretSource, ServiceSecret } from '../service/secret';

/**
 * Options of the compose files of an app.
 */
export interface ComposeOptions {
  /**
   * The stack's compose file, relative to the app's folder.
   * @default 'docker-compose.yml'
   */
  readonly fileName?: string;
  /**
   * The compose file that builds the base images, relative to the app's folder.
   * @default 'docker-compose.base.yml'
   */
  readonly baseFileName?: string;
  /**
   * The host address published ports bind to.
   * @default '127.0.0.1'
   */
  readonly publishAddress?: string;
  /**
   * Publish each service's port on the host.
   * @default true
   */
  readonly publishPorts?: boolean;
}

/**
 * The compose files of an app, derived from its construct tree: `docker-compose.yml` runs the services
 * (hardened: UID 65532, read-only root, no capabilities, no new privileges, an init process, the Dockerfile's
 * own health check, `depends_on` waiting for health, networks shared with whom they depend on or talk to) and
 * builds the base images as build-only services (`scale: 0`) that the images built on them name in
 * `build.additional_contexts`, so that `docker compose --profile '*' up --build --wait` builds bases first and
 * pulls no image of the app; `docker-compose.base.yml` builds the base images alone.
 */
export class ComposeFiles extends Construct {
  /**
   * `docker-compose.yml`, the stack's file: call `addOverride` / `addDeletionOverride` on it to adjust what
   * lucid-cdk does not model (`services.<name>.mem_limit`, ...). Overrides are checked like the rest of the file.
   */
  public readonly file: IOverridableFile;
  /** `docker-compose.base.yml`, the file that builds the base images, which takes overrides too. */
  public readonly baseFile: IOverridableFile;

  private readonly app: ILucidApp;
  private readonly options: ComposeOptions;

  /**
   * @param app the app whose services the files run
   * @param id the construct id
   * @param options its options
   */
  constructor(app: ILucidApp, id: string, options: ComposeOptions = {}) {
    super(app, id);
    this.app = app;
    this.options = options;
    // Options of the app: the errors name the app and the option the user gave.
    requirePath(app.node.path, 'compose.fileName', options.fileName ?? 'docker-compose.yml');
    requirePath(app.node.path, 'compose.baseFileName', options.baseFileName ?? 'docker-compose.base.yml');
    if (options.publishAddress !== undefined && !isIP(options.publishAddress)) {
      throw invalidPublishAddress(app.node.path, options.publishAddress);
    }
    this.file = composeFile(this, app.filePath(options.fileName ?? 'docker-compose.yml'), () => this.stackModel(), () => this.images(false), [
      'Every service belongs to the profiles of its plane and layer (and of the services that need it):',
      'build and run the whole stack with `docker compose --profile \'*\' up --build --wait`, one plane with',
      '`--profile ops`. The base images are build-only services (`scale: 0`, no container): each image built on',
      'one names it in `build.additional_contexts`, so compose builds the base first and pulls no image of the app.',
    ]);
    this.baseFile = composeFile(this, app.filePath(options.baseFileName ?? 'docker-compose.base.yml'), () => this.baseModel(), () => this.images(true), [
      'Builds the base images only: `docker compose -f docker-compose.base.yml build`',
      '(docker-compose.yml builds them too, before the services built on them).',
    ]);
  }

  /**
   * The problems that lie between the app's constructs, each under the path of the construct that meets one
   * declared before it: two of them that would be one compose service, one secret name (runtime or build) read
   * from two sources, one host port published twice. Compose would keep one of each silently, or refuse the
   * file; the app reports these with its constructs' own problems. @internal
   */
  public _constructProblems(): ConstructError[] {
    const problems: ConstructError[] = [];
    const lucid = findAll(this.app).filter(LucidService.isLucidService);
    const foundation = findAll(this.app).filter(FoundationService.isFoundationService);
    const bases = LucidImage.all(this.app).filter(i => i.kind === ImageKind.BASE);

    const names = new Map<string, IConstruct>();
    const named: [IConstruct, string][] = [...bases.map(b => [b, b.targetName] as [IConstruct, string]),
      ...lucid.map(l => [l, l.serviceName] as [IConstruct, string]), ...foundation.map(f => [f, f.serviceName] as [IConstruct, string])];
    for (const [c, name] of named) {
      const first = names.get(name);
      if (first === undefined) {
        names.set(name, c);
      } else if (!(LucidImage.isLucidImage(first) && LucidImage.isLucidImage(c))) {
        // Two images of one id are the image's own problem (bake targets too); a foundation service is not one.
        problems.push(serviceNameTaken(c.node.path, name, first.node.path));
      }
    }

    const sources = new Map<string, { owner: IConstruct; from: string }>();
    const described = (source: SecretSource, location: string) =>
      source === SecretSource.FILE ? `the file ${JSON.stringify(location)}` : `the environment variable ${JSON.stringify(location)}`;
    const declared: [IConstruct, string, string][] = [
      ...LucidImage.all(this.app).flatMap(i => i.buildSecrets.map(b => [i, b.id, described(b.source, b.location)] as [IConstruct, string, string])),
      ...[...lucid, ...foundation].flatMap(f => f.secrets.map(x => [f, x.name, described(x.source, x.location)] as [IConstruct, string, string])),
    ];
    for (const [c, name, from] of declared) {
      const first = sources.get(name);
      if (first === undefined) {
        sources.set(name, { owner: c, from });
      } else if (first.from !== from) {
        problems.push(secretSourceClash(c.node.path, name, from, first.owner.node.path, first.from));
      }
    }

    // Lucid services depend on services; a cycle starts nothing (compose) and orders no build (CI needs).
    const byName = new Map<string, LucidService>(lucid.map(l => [l.serviceName, l]));
    const edges = (name: string) => (byName.get(name)?.dependsOn ?? []).filter(LucidService.isLucidService).map(d => d.serviceName);
    for (const cycle of cyclesOf([...byName.keys()], edges)) {
      problems.push(dependencyCycle(byName.get(cycle[0])!.node.path, formatCycle(cycle)));
    }

    if (this.options.publishPorts !== false) {
      const ports = new Map<number, IConstruct>();
      for (const svc of [...lucid, ...foundation]) {
        const first = ports.get(svc.port);
        if (first === undefined) {
          ports.set(svc.port, svc);
        } else {
          problems.push(hostPortTaken(svc.node.path, svc.port, first.node.path));
        }
      }
    }
    return problems;
  }

  /** The model of `docker-compose.yml`. */
  public stackModel(): ComposeFileModel {
    const lucid = findAll(this.app).filter(LucidService.isLucidService);
    const foundation = findAll(this.app).filter(FoundationService.isFoundationService);
    const all: IStackService[] = [...lucid, ...foundation];
    const profiles = profilesOf(lucid, foundation);
    const networks = networksOf(lucid, foundation);
    const services: { [name: string]: ComposeService } = {};
    const secrets: { [name: string]: ComposeSecret } = {};

    const addSecrets = (list: ServiceSecret[]): ComposeServiceSecret[] => list.map(s => {
      secrets[s.name] = s.source === SecretSource.FILE ? { file: s.location } : { environment: s.location };
      return { source: s.name, target: s.name };
    });
    const publish = (port: number) => this.options.publishPorts === false ? undefined
      : [{ target: port, published: port, hostIp: this.options.publishAddress ?? '127.0.0.1', protocol: ComposePortProtocol.TCP }];

    for (const svc of lucid) {
      const env: { [key: string]: string } = { PORT: String(svc.port), ...svc.environment };
      for (const s of svc.secrets) {
        env[LucidService.secretEnvVar(s)] = LucidService.secretPath(s);
      }
      services[svc.serviceName] = {
        image: svc.imageRef,
        imageBuild: this.build(svc, secrets),
        user: RUN_CONTRACT.user,
        init: RUN_CONTRACT.init,
        readOnly: RUN_CONTRACT.readOnlyRoot,
        tmpfs: [...RUN_CONTRACT.tmpfs],
        capDrop: [...RUN_CONTRACT.capDrop],
        securityOpt: [...RUN_CONTRACT.securityOpt],
        environment: env,
        secrets: svc.secrets.length > 0 ? addSecrets(svc.secrets) : undefined,
        ports: publish(svc.port),
        networks: mapOf(networks.get(svc)!, () => ({})),
        dependsOn: dependsOn(svc.dependsOn, all),
        healthcheck: healthcheck(svc.healthCheckCommand, svc.healthCheck),
        stopGracePeriod: ComposeDuration.seconds(10),
        profiles: [...profiles.get(svc)!].sort(),
      };
    }
    for (const f of foundation) {
      const env: { [key: string]: string } = { ...f.environment };
      for (const s of f.secrets) {
        env[LucidService.secretEnvVar(s)] = LucidService.secretPath(s);
      }
      const p = profiles.get(f)!;
      services[f.serviceName] = {
        image: lockedImage(f, f.image),
        command: f.command,
        user: f.user,
        init: RUN_CONTRACT.init,
        readOnly: RUN_CONTRACT.readOnlyRoot,
        tmpfs: f.tmpfs,
        capDrop: [...RUN_CONTRACT.capDrop],
        securityOpt: [...RUN_CONTRACT.securityOpt],
        environment: Object.keys(env).length > 0 ? env : undefined,
        secrets: f.secrets.length > 0 ? addSecrets(f.secrets) : undefined,
        volumes: f.dataPath ? [{ mountType: ComposeMountType.VOLUME, source: `${f.serviceName}-data`, target: f.dataPath }] : undefined,
        ports: publish(f.port),
        networks: mapOf(networks.get(f)!, () => ({})),
        healthcheck: healthcheck(f.healthCheck.command!, f.healthCheck),
        profiles: p.size > 0 ? [...p].sort() : undefined,
      };
    }
    for (const image of LucidImage.all(this.app).filter(i => i.kind === ImageKind.BASE)) {
      // Build-only: `up --build` builds it for the images built on it, and runs no container of it.
      services[image.targetName] = { image: image.imageRef, imageBuild: this.build(image, secrets), scale: 0 };
    }
    const volumes = foundation.filter(f => f.dataPath).map(f => `${f.serviceName}-data`);
    const networkNames = new Set<string>();
    for (const s of all) {
      networks.get(s)!.forEach(n => networkNames.add(n));
    }
    return {
      name: this.app.name,
      services,
      networks: networkNames.size > 0 ? mapOf(networkNames, () => ({})) : undefined,
      volumes: volumes.length > 0 ? mapOf(new Set(volumes), () => ({})) : undefined,
      secrets: Object.keys(secrets).length > 0 ? secrets : undefined,
    };
  }

  /** The model of `docker-compose.base.yml`: build-only entries for the base images. */
  public baseModel(): ComposeFileModel {
    const services: { [name: string]: ComposeService } = {};
    const secrets: { [name: string]: ComposeSecret } = {};
    for (const image of LucidImage.all(this.app).filter(i => i.kind === ImageKind.BASE)) {
      // Build-only, as in docker-compose.yml: a base image is built FROM, never run.
      services[image.targetName] = { image: image.imageRef, imageBuild: this.build(image, secrets), scale: 0 };
    }
    return { name: `${this.app.name}-base`, services, secrets: Object.keys(secrets).length > 0 ? secrets : undefined };
  }

  /**
   * The Lucid images of a file by compose service, with their `image:` as compose interpolates it: the bake file's
   * variables with the same defaults, `${REGISTRY:-pickme}/lucid-x:${TAG:-latest}`, the image's tag template
   * honoured.
   */
  /** The `image:` references of a file: every image (docker-compose.yml builds the bases too), or the bases only. */
  private images(basesOnly: boolean): Map<string, { literal: string; interpolated: string }> {
    const out = new Map<string, { literal: string; interpolated: string }>();
    for (const image of LucidImage.all(this.app).filter(i => !basesOnly || i.kind === ImageKind.BASE)) {
      const name = LucidService.isLucidService(image) ? image.serviceName : image.targetName;
      const tag = image.tagWith('\u0000').split('\u0000').map(escapeInterpolation).join(`\${TAG:-${escapeInterpolation(this.app.tag)}}`);
      out.set(name, {
        literal: image.imageRef,
        interpolated: `\${REGISTRY:-${escapeInterpolation(this.app.registry)}}/${escapeInterpolation(image.imageName)}:${tag}`,
      });
    }
    return out;
  }

  /** How compose builds an image, with its build secrets declared at the top level of the file. */
  private build(image: LucidImage, secrets: { [name: string]: ComposeSecret }) {
    for (const s of image.buildSecrets) {
      secrets[s.id] = s.source === SecretSource.FILE ? { file: s.location } : { environment: s.location };
    }
    return {
      context: image.directory,
      dockerfile: 'Dockerfile',
      target: image.runtimeStage.name,
      additionalContexts: baseContexts(image),
      secrets: image.buildSecrets.length > 0 ? image.buildSecrets.map(s => ({ source: s.id })) : undefined,
    };
  }
}

/**
 * A compose file rendered from `model`, with overrides: without any, the model is validated as it is; with some,
 * the overridden object is read back and validated the same way.
 */
function composeFile(scope: Construct, filePath: string, model: () => ComposeFileModel,
  images: () => Map<string, { literal: string; interpolated: string }>, comments: string[]): IOverridableFile {
  return new GeneratedDocument(scope, filePath, DocumentKind.COMPOSE, {
    object: () => toComposeObject(model(), false),
    validate: (object, overridden) => overridden ? validateComposeObject(object) : validateComposeModel(model()),
    render: (object, header) => renderComposeObject(object, [...header, ...comments], interpolatedImages(object, images())),
  });
}

/**
 * The named contexts that feed an image the base images of the app it is built FROM: the FROM reference (as
 * bake-file.ts writes it: BuildKit matches the familiar form, without a `:latest` tag) → `service:<base>`, the
 * build-only service of the base, which compose then builds first instead of pulling the reference.
 */
function baseContexts(image: LucidImage): { [name: string]: string } | undefined {
  const bases = image.baseImages;
  if (bases.length === 0) {
    return undefined;
  }
  const out: { [name: string]: string } = {};
  for (const base of bases) {
    out[base.imageRef.replace(/:latest$/, '')] = `service:${base.targetName}`;
  }
  return out;
}

/** The interpolated `image:` of each Lucid image whose reference is still lucid-cdk's (an override replaces it). */
function interpolatedImages(object: any, images: Map<string, { literal: string; interpolated: string }>): { [service: string]: string } {
  const out: { [service: string]: string } = {};
  for (const [name, image] of images) {
    if (object?.services?.[name]?.image === image.literal) {
      out[name] = image.interpolated;
    }
  }
  return out;
}

function dependsOn(declared: IStackService[], stack: IStackService[]) {
  // Anything but a service of this stack (a base image passed by a jsii user, a service of another app) is the
  // service's own validation error, with its path.
  const deps = declared.filter(d => stack.includes(d));
  if (deps.length === 0) {
    return undefined;
  }
  const out: { [name: string]: { condition: ComposeDependencyCondition } } = {};
  for (const d of deps) {
    out[d.serviceName] = { condition: ComposeDependencyCondition.SERVICE_HEALTHY };
  }
  return out;
}

function healthcheck(command: string[], h: HealthCheck) {
  return {
    test: command,
    interval: ComposeDuration.seconds(h.intervalSeconds),
    timeout: ComposeDuration.seconds(h.timeoutSeconds),
    retries: h.retries,
    startPeriod: ComposeDuration.seconds(h.startPeriodSeconds),
    startInterval: ComposeDuration.seconds(h.startIntervalSeconds),
  };
}

function mapOf<T>(keys: Set<string>, value: () => T): { [key: string]: T } {
  const out: { [key: string]: T } = {};
  for (const k of [...keys].sort()) {
    out[k] = value();
  }
  return out;
}

/**
 * Each service's compose profiles: its plane and layer, and the profiles of every service that depends on it
 * (directly or not), so that enabling a profile also enables what its services need. A foundation service that
 * nothing depends on has no profile: it always runs.
 */
function profilesOf(lucid: LucidService[], foundation: FoundationService[]): Map<IStackService, Set<string>> {
  const profiles = new Map<IStackService, Set<string>>();
  for (const s of [...lucid, ...foundation]) {
    profiles.set(s, new Set());
  }
  for (const svc of lucid) {
    const own = [svc.plane as string, layerName(svc.layer)];
    const seen = new Set<IStackService>();
    const visit = (s: IStackService) => {
      if (seen.has(s)) {
        return;
      }
      seen.add(s);
      own.forEach(p => profiles.get(s)?.add(p));
      if (LucidService.isLucidService(s)) {
        s.dependsOn.filter(d => profiles.has(d)).forEach(visit);
      }
    };
    visit(svc);
  }
  return profiles;
}

/**
 * Each service's networks: its plane's network, and the planes' networks of the services it depends on or talks
 * to; a foundation service joins the networks of the planes of the services that depend on it or talk to it (or
 * `foundation` when none do). Every pair of services that depend on or talk to each other so shares a network.
 * @internal
 */
export function networksOf(lucid: LucidService[], foundation: FoundationService[]): Map<IStackService, Set<string>> {
  const networks = new Map<IStackService, Set<string>>();
  for (const s of [...lucid, ...foundation]) {
    networks.set(s, new Set());
  }
  for (const svc of lucid) {
    networks.get(svc)!.add(svc.plane);
    // Only services of this stack: anything else is the service's own validation error.
    for (const d of [...svc.dependsOn, ...svc.talksTo].filter(x => networks.has(x))) {
      if (LucidService.isLucidService(d)) {
        networks.get(svc)!.add(d.plane);
      } else {
        networks.get(d)?.add(svc.plane);
      }
    }
  }
  for (const f of foundation) {
    if (networks.get(f)!.size === 0) {
      networks.get(f)!.add('foundation');
    }
  }
  return networks;
}
