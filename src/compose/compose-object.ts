import { ComposeDuration } from './duration';
import { escapeInterpolation } from './escape';
import {
  ComposeBuild, ComposeDependency, ComposeFileModel, ComposeHealthcheck, ComposeNetwork, ComposePort, ComposeSecret,
  ComposeService, ComposeServiceSecret, ComposeServiceVolume, ComposeVolume,
} from './model';
import { setKey } from '../core/overrides';

// Turns a model into the plain object a compose file holds, with the specification's snake_case keys.
//
// Key order is fixed and part of the output format:
// - top level: name, services, networks, volumes, secrets
// - service: image, build, entrypoint, command, user, init, read_only, cap_drop, cap_add, security_opt, tmpfs,
//   pids_limit, environment, secrets, volumes, ports, networks, network_mode, depends_on, healthcheck, restart,
//   stop_signal, stop_grace_period, scale, profiles, labels
//   (what runs, as whom, with which privileges; its inputs; its connections; its lifecycle; metadata)
// - build: context, dockerfile, target, additional_contexts, args, secrets, labels
// - healthcheck: test, disable, interval, timeout, retries, start_period, start_interval
// - depends_on entry: condition, required, restart
// - port: target, published, host_ip, protocol; secret: source, target, uid, gid, mode;
//   mount: type, source, target, read_only
// - top-level network: name, driver, internal, external, labels; volume: name, driver, external, labels;
//   secret: file, environment
// Maps whose keys are names (services, networks, volumes, secrets, environment, labels, args, depends_on,
// additional_contexts) are sorted by key; lists keep the order they were given in. Unset and empty values are left out, except an empty
// command or entrypoint, which overrides the image's.
//
// The builder never throws, so that validation can report every problem of a broken model at once.

/** A compose file as plain data. */
export type ComposeObject = { [key: string]: unknown };

/**
 * The plain object for `model`. With `escape`, every string value (never a key) is escaped for compose
 * interpolation (see escape.ts).
 */
export function toComposeObject(model: ComposeFileModel, escape: boolean): ComposeObject {
  const out = compact({
    name: model.name,
    services: sortedMap(model.services ?? {}, service),
    networks: sortedMap(model.networks, network),
    volumes: sortedMap(model.volumes, volume),
    secrets: sortedMap(model.secrets, secret),
  });
  // `services` is required by compose, even when empty.
  out.services = out.services ?? {};
  return escape ? escapeComposeObject(out) : out;
}

/** A copy of a compose file's object with every string value (never a key) escaped for compose interpolation. */
export function escapeComposeObject(object: ComposeObject): ComposeObject {
  return escapeValues(object) as ComposeObject;
}

function service(s: ComposeService): ComposeObject {
  return compact({
    image: s.image,
    build: s.imageBuild && build(s.imageBuild),
    entrypoint: s.entrypoint && [...s.entrypoint],
    command: s.command && [...s.command],
    user: s.user,
    init: s.init,
    read_only: s.readOnly,
    cap_drop: list(s.capDrop),
    cap_add: list(s.capAdd),
    security_opt: list(s.securityOpt),
    tmpfs: list(s.tmpfs),
    pids_limit: s.pidsLimit,
    environment: sortedMap(s.environment, v => v),
    secrets: secretRefs(s.secrets),
    volumes: nonEmpty(s.volumes?.map(mount)),
    ports: nonEmpty(s.ports?.map(port)),
    networks: serviceNetworks(s),
    network_mode: s.networkMode,
    depends_on: sortedMap(s.dependsOn, dependency),
    healthcheck: s.healthcheck && healthcheck(s.healthcheck),
    restart: s.restart,
    stop_signal: s.stopSignal,
    stop_grace_period: duration(s.stopGracePeriod),
    scale: s.scale,
    profiles: list(s.profiles),
    labels: sortedMap(s.labels, v => v),
  });
}

function build(b: ComposeBuild): ComposeObject {
  return compact({
    context: b.context,
    dockerfile: b.dockerfile,
    target: b.target,
    additional_contexts: sortedMap(b.additionalContexts, v => v),
    args: sortedMap(b.args, v => v),
    secrets: secretRefs(b.secrets),
    labels: sortedMap(b.labels, v => v),
  });
}

function healthcheck(h: ComposeHealthcheck): ComposeObject {
  return compact({
    test: h.test && ['CMD', ...h.test],
    disable: h.disable || undefined,
    interval: duration(h.interval),
    timeout: duration(h.timeout),
    retries: h.retries,
    start_period: duration(h.startPeriod),
    start_interval: duration(h.startInterval),
  });
}

function dependency(d: ComposeDependency): ComposeObject {
  return compact({ condition: d.condition, required: d.required, restart: d.restart });
}

function secretRefs(refs: ComposeServiceSecret[] | undefined): ComposeObject[] | undefined {
  return nonEmpty(refs?.map(r => compact({ source: r.source, target: r.target, uid: r.uid, gid: r.gid, mode: r.mode })));
}

function mount(v: ComposeServiceVolume): ComposeObject {
  return compact({ type: v.mountType, source: v.source, target: v.target, read_only: v.readOnly });
}

function port(p: ComposePort): ComposeObject {
  return compact({ target: p.target, published: p.published, host_ip: p.hostIp, protocol: p.protocol });
}

/** A sorted list of names when no network has settings, otherwise a sorted map. */
function serviceNetworks(s: ComposeService): unknown {
  if (s.networks === undefined) {
    return undefined;
  }
  const names = Object.keys(s.networks).sort(compareKeys);
  if (names.every(n => !s.networks![n].aliases?.length)) {
    return nonEmpty(names);
  }
  return sortedMap(s.networks, n => compact({ aliases: list(n.aliases) }));
}

function network(n: ComposeNetwork): ComposeObject {
  return compact({ name: n.name, driver: n.driver, internal: n.internalOnly, external: n.external, labels: sortedMap(n.labels, v => v) });
}

function volume(v: ComposeVolume): ComposeObject {
  return compact({ name: v.name, driver: v.driver, external: v.external, labels: sortedMap(v.labels, x => x) });
}

function secret(s: ComposeSecret): ComposeObject {
  return compact({ file: s.file, environment: s.environment });
}

function duration(d: ComposeDuration | undefined): string | undefined {
  if (d === undefined) {
    return undefined;
  }
  try {
    return d.toComposeString();
  } catch {
    return `${d.milliseconds}ms`; // reported by validation
  }
}

function sortedMap<T, R>(map: { [key: string]: T } | undefined, fn: (value: T) => R): { [key: string]: R } | undefined {
  if (map === undefined) {
    return undefined;
  }
  const keys = Object.keys(map).sort(compareKeys);
  if (keys.length === 0) {
    return undefined;
  }
  const out: { [key: string]: R } = {};
  for (const k of keys) {
    setKey(out, k, fn(map[k]));
  }
  return out;
}

function list(xs: string[] | undefined): string[] | undefined {
  return nonEmpty(xs && [...xs]);
}

function nonEmpty<T>(xs: T[] | undefined): T[] | undefined {
  return xs && xs.length > 0 ? xs : undefined;
}

/** Drops undefined values, keeping the order of the others. */
function compact(obj: { [key: string]: unknown }): ComposeObject {
  const out: ComposeObject = {};
  for (const [k, v] of Object.entries(obj)) {
    if (v !== undefined) {
      out[k] = v;
    }
  }
  return out;
}

function escapeValues(value: unknown): unknown {
  if (typeof value === 'string') {
    return escapeInterpolation(value);
  }
  if (Array.isArray(value)) {
    return value.map(escapeValues);
  }
  if (value !== null && typeof value === 'object') {
    const out: ComposeObject = {};
    for (const [k, v] of Object.entries(value)) {
      setKey(out, k, escapeValues(v));
    }
    return out;
  }
  return value;
}

/** Orders keys by UTF-16 code units: the same on every machine and locale (unlike localeCompare). */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
