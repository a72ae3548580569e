import { ComposeObject } from './compose-object';
import { ComposeDuration } from './duration';
import {
  ComposeBuild, ComposeDependency, ComposeDependencyCondition, ComposeFileModel, ComposeHealthcheck, ComposeMountType,
  ComposeNetwork, ComposePort, ComposePortProtocol, ComposeRestartPolicy, ComposeSecret, ComposeService,
  ComposeServiceNetwork, ComposeServiceSecret, ComposeServiceVolume, ComposeVolume,
} from './model';

// Reads a compose file's plain object (snake_case keys, as compose-object.ts writes it, after overrides) back
// into a model, so that an overridden file is checked by the same validation as a computed one.
//
// What is read: the keys and forms the model has. A key the compose specification gives one type (`user` is a
// string, `cap_drop` a list of strings, `depends_on.<name>.condition` one of three words) is reported when it
// holds another, as the compose-spec schema would. Keys the model does not have (`mem_limit`, `x-*`) and
// other forms compose accepts (short port syntax `"8080:80"`, `environment` as a list, a `command` string) are
// left out of the model and left to compose: they are not checked here.

type Problems = string[];

/** The model of `object`, and the problems of the values it could not read. */
export function readComposeObject(object: unknown): { model: ComposeFileModel; problems: Problems } {
  const problems: Problems = [];
  const root = isMap(object) ? object : {};
  if (!isMap(object)) {
    problems.push(': a compose file is a mapping');
  }
  const r = new Reader(problems);
  const services: { [name: string]: ComposeService } = {};
  if (root.services !== undefined && !isMap(root.services)) {
    problems.push(`services: ${show(root.services)} is not a mapping of services`);
  }
  for (const [name, s] of entries(root.services)) {
    if (isMap(s)) {
      services[name] = readService(r, `services.${name}`, s);
    } else if (s !== null) {
      problems.push(`services.${name}: ${show(s)} is not a service (a mapping)`);
    }
  }
  const model: ComposeFileModel = {
    name: r.str('name', root.name),
    services,
    networks: r.map('networks', root.networks, (p, n): ComposeNetwork => ({
      name: r.str(`${p}.name`, n.name),
      driver: r.str(`${p}.driver`, n.driver),
      internalOnly: r.bool(`${p}.internal`, n.internal),
      external: r.bool(`${p}.external`, n.external),
      labels: r.strMap(`${p}.labels`, n.labels),
    })),
    volumes: r.map('volumes', root.volumes, (p, v): ComposeVolume => ({
      name: r.str(`${p}.name`, v.name),
      driver: r.str(`${p}.driver`, v.driver),
      external: r.bool(`${p}.external`, v.external),
      labels: r.strMap(`${p}.labels`, v.labels),
    })),
    secrets: r.map('secrets', root.secrets, (p, s): ComposeSecret => ({
      file: r.str(`${p}.file`, s.file), environment: r.str(`${p}.environment`, s.environment),
    })),
  };
  return { model, problems };
}

function readService(r: Reader, p: string, s: ComposeObject): ComposeService {
  return {
    image: r.str(`${p}.image`, s.image),
    imageBuild: isMap(s.build) ? readBuild(r, `${p}.build`, s.build) : undefined,
    entrypoint: Array.isArray(s.entrypoint) ? r.strList(`${p}.entrypoint`, s.entrypoint) : undefined,
    command: Array.isArray(s.command) ? r.strList(`${p}.command`, s.command) : undefined,
    user: r.str(`${p}.user`, s.user),
    init: r.bool(`${p}.init`, s.init),
    readOnly: r.bool(`${p}.read_only`, s.read_only),
    capDrop: r.strList(`${p}.cap_drop`, s.cap_drop),
    capAdd: r.strList(`${p}.cap_add`, s.cap_add),
    securityOpt: r.strList(`${p}.security_opt`, s.security_opt),
    tmpfs: Array.isArray(s.tmpfs) ? r.strList(`${p}.tmpfs`, s.tmpfs) : undefined,
    pidsLimit: r.num(`${p}.pids_limit`, s.pids_limit),
    environment: isMap(s.environment) ? r.strMap(`${p}.environment`, s.environment, true) : undefined,
    secrets: Array.isArray(s.secrets) ? r.secretRefs(`${p}.secrets`, s.secrets) : undefined,
    volumes: Array.isArray(s.volumes) ? r.objects(`${p}.volumes`, s.volumes, (q, v): ComposeServiceVolume => ({
      mountType: r.oneOf(`${q}.type`, v.type, Object.values(ComposeMountType)) ?? ComposeMountType.VOLUME,
      source: r.str(`${q}.source`, v.source),
      target: r.str(`${q}.target`, v.target) ?? '',
      readOnly: r.bool(`${q}.read_only`, v.read_only),
    })) : undefined,
    ports: Array.isArray(s.ports) ? r.objects(`${p}.ports`, s.ports, (q, x): ComposePort => ({
      target: r.num(`${q}.target`, x.target) ?? 0,
      published: r.num(`${q}.published`, x.published),
      hostIp: r.str(`${q}.host_ip`, x.host_ip),
      protocol: r.oneOf(`${q}.protocol`, x.protocol, Object.values(ComposePortProtocol)),
    })) : undefined,
    networks: readServiceNetworks(r, `${p}.networks`, s.networks),
    networkMode: r.str(`${p}.network_mode`, s.network_mode),
    dependsOn: isMap(s.depends_on) ? r.map(`${p}.depends_on`, s.depends_on, (q, d): ComposeDependency => ({
      condition: r.oneOf(`${q}.condition`, d.condition, Object.values(ComposeDependencyCondition)) ?? ComposeDependencyCondition.SERVICE_STARTED,
      required: r.bool(`${q}.required`, d.required),
      restart: r.bool(`${q}.restart`, d.restart),
    })) : undefined,
    healthcheck: isMap(s.healthcheck) ? readHealthcheck(r, `${p}.healthcheck`, s.healthcheck) : undefined,
    restart: r.oneOf(`${p}.restart`, s.restart, Object.values(ComposeRestartPolicy)),
    stopSignal: r.str(`${p}.stop_signal`, s.stop_signal),
    stopGracePeriod: r.duration(`${p}.stop_grace_period`, s.stop_grace_period),
    scale: r.num(`${p}.scale`, s.scale),
    profiles: r.strList(`${p}.profiles`, s.profiles),
    labels: isMap(s.labels) ? r.strMap(`${p}.labels`, s.labels) : undefined,
  };
}

function readBuild(r: Reader, p: string, b: ComposeObject): ComposeBuild {
  return {
    context: r.str(`${p}.context`, b.context) ?? '.',
    dockerfile: r.str(`${p}.dockerfile`, b.dockerfile),
    target: r.str(`${p}.target`, b.target),
    additionalContexts: isMap(b.additional_contexts) ? r.strMap(`${p}.additional_contexts`, b.additional_contexts) : undefined,
    args: isMap(b.args) ? r.strMap(`${p}.args`, b.args, true) : undefined,
    labels: isMap(b.labels) ? r.strMap(`${p}.labels`, b.labels) : undefined,
    secrets: Array.isArray(b.secrets) ? r.secretRefs(`${p}.secrets`, b.secrets) : undefined,
  };
}

function readHealthcheck(r: Reader, p: string, h: ComposeObject): ComposeHealthcheck {
  // lucid-cdk writes the test as ["CMD", ...command]; the model holds the command alone.
  const test = Array.isArray(h.test) && h.test[0] === 'CMD' ? r.strList(`${p}.test`, h.test.slice(1)) : undefined;
  return {
    test,
    disable: r.bool(`${p}.disable`, h.disable),
    interval: r.duration(`${p}.interval`, h.interval),
    timeout: r.duration(`${p}.timeout`, h.timeout),
    retries: r.num(`${p}.retries`, h.retries),
    startPeriod: r.duration(`${p}.start_period`, h.start_period),
    startInterval: r.duration(`${p}.start_interval`, h.start_interval),
  };
}

function readServiceNetworks(r: Reader, p: string, n: unknown): { [name: string]: ComposeServiceNetwork } | undefined {
  if (Array.isArray(n)) {
    const out: { [name: string]: ComposeServiceNetwork } = {};
    for (const name of r.strList(p, n) ?? []) {
      out[name] = {};
    }
    return out;
  }
  if (isMap(n)) {
    return r.map(p, n, (q, x) => ({ aliases: r.strList(`${q}.aliases`, x.aliases) }));
  }
  return undefined;
}

/** Reads typed values, recording a problem for each value of another type. */
class Reader {
  constructor(private readonly problems: Problems) {}

  public str(path: string, x: unknown): string | undefined {
    return this.typed(path, x, 'a string', v => typeof v === 'string') as string | undefined;
  }

  public num(path: string, x: unknown): number | undefined {
    return this.typed(path, x, 'a number', v => typeof v === 'number') as number | undefined;
  }

  public bool(path: string, x: unknown): boolean | undefined {
    return this.typed(path, x, 'true or false', v => typeof v === 'boolean') as boolean | undefined;
  }

  public oneOf<T extends string>(path: string, x: unknown, values: T[]): T | undefined {
    return this.typed(path, x, `one of ${values.join(', ')}`, v => values.includes(v as T)) as T | undefined;
  }

  public duration(path: string, x: unknown): ComposeDuration | undefined {
    const s = this.str(path, x);
    if (s === undefined) {
      return undefined;
    }
    const ms = parseDuration(s);
    if (ms === undefined) {
      this.problems.push(`${path}: "${s}" is not a duration (e.g. 30s, 1m30s, 500ms)`);
    }
    return ms === undefined ? undefined : ComposeDuration.millis(ms);
  }

  public strList(path: string, x: unknown): string[] | undefined {
    if (x === undefined || x === null) {
      return undefined;
    }
    if (!Array.isArray(x)) {
      this.problems.push(`${path}: ${show(x)} is not a list of strings`);
      return undefined;
    }
    return x.flatMap((v, i) => this.str(`${path}[${i}]`, v) ?? []);
  }

  /** A map of strings; with `scalars`, numbers and booleans are read as compose does (`PORT: 8080`). */
  public strMap(path: string, x: unknown, scalars = false): { [key: string]: string } | undefined {
    return this.entries(path, x, (q, v) => scalars && (typeof v === 'number' || typeof v === 'boolean') ? String(v) : this.str(q, v));
  }

  /** A map of mappings (an entry written `name:` with no value reads as an empty mapping). */
  public map<T>(path: string, x: unknown, read: (path: string, value: ComposeObject) => T): { [key: string]: T } | undefined {
    return this.entries(path, x, (q, v) => {
      if (v === null || isMap(v)) {
        return read(q, v ?? {});
      }
      this.problems.push(`${q}: ${show(v)} is not a mapping`);
      return undefined;
    });
  }

  private entries<T>(path: string, x: unknown, read: (path: string, value: unknown) => T | undefined): { [key: string]: T } | undefined {
    if (x === undefined || x === null) {
      return undefined;
    }
    if (!isMap(x)) {
      this.problems.push(`${path}: ${show(x)} is not a mapping`);
      return undefined;
    }
    const out: { [key: string]: T } = {};
    for (const [k, v] of Object.entries(x)) {
      const value = read(`${path}.${k}`, v);
      if (value !== undefined) {
        Object.defineProperty(out, k, { value, enumerable: true, writable: true, configurable: true });
      }
    }
    return out;
  }

  public objects<T>(path: string, xs: unknown[], read: (path: string, value: ComposeObject) => T): T[] {
    // Entries in another form (the short syntax, a string) are left to compose.
    return xs.flatMap((x, i) => isMap(x) ? [read(`${path}[${i}]`, x)] : []);
  }

  public secretRefs(path: string, xs: unknown[]): ComposeServiceSecret[] {
    return this.objects(path, xs, (q, s) => ({
      source: this.str(`${q}.source`, s.source) ?? '',
      target: this.str(`${q}.target`, s.target),
      uid: this.str(`${q}.uid`, s.uid),
      gid: this.str(`${q}.gid`, s.gid),
      mode: this.num(`${q}.mode`, s.mode),
    }));
  }

  private typed(path: string, x: unknown, what: string, ok: (v: unknown) => boolean): unknown {
    if (x === undefined || x === null) {
      return undefined;
    }
    if (!ok(x)) {
      this.problems.push(`${path}: ${show(x)} is not ${what}`);
      return undefined;
    }
    return x;
  }
}

/** Milliseconds of a compose duration (`1h2m3s`, `1.5s`, `500ms`), or undefined. */
function parseDuration(s: string): number | undefined {
  const units: { [unit: string]: number } = { h: 3_600_000, m: 60_000, s: 1000, ms: 1, us: 0.001, ns: 0.000001 };
  const parts = /^((\d+(\.\d+)?)(h|ms|m|s|us|ns))+$/.test(s) ? s.match(/\d+(\.\d+)?(h|ms|m|s|us|ns)/g) : null;
  if (!parts) {
    return undefined;
  }
  let ms = 0;
  for (const part of parts) {
    const [, n, , unit] = /^(\d+(\.\d+)?)(h|ms|m|s|us|ns)$/.exec(part)!;
    ms += Number(n) * units[unit];
  }
  return Math.round(ms);
}

function entries(x: unknown): Array<[string, unknown]> {
  return isMap(x) ? Object.entries(x) : [];
}

function isMap(x: unknown): x is ComposeObject {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

function show(x: unknown): string {
  return JSON.stringify(x);
}
