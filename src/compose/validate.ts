import { isIP } from 'net';
import { compareKeys, ComposeObject, toComposeObject } from './compose-object';
import { ComposeDuration } from './duration';
import { unrepresentableCharacter } from './escape';
import {
  ComposeFileModel, ComposeHealthcheck, ComposeMountType, ComposePort, ComposeService, ComposeServiceSecret,
} from './model';
import { readComposeObject } from './read';
import { CONTAINER_USER_FIX, isContainerUser } from '../core/container-user';
import { cyclesOf, formatCycle } from '../core/graph';
import { isPort, portProblem } from '../core/port';

// Validation of a compose model before it is rendered. Every check returns problems as strings of the form
// `<path in the compose file>: <what is wrong> (<how to fix it>)`; the caller prefixes the construct path.

/** Names of services, networks, volumes and secrets (compose-spec schema: `^[a-zA-Z0-9._-]+$`). */
const RESOURCE_NAME = /^[a-zA-Z0-9._-]+$/;
/** Compose project names (04-version-and-name.md). */
const PROJECT_NAME = /^[a-z0-9][a-z0-9_-]*$/;
/** Profile names (15-profiles.md). */
const PROFILE_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;
/** Linux capability names as Docker accepts them, with or without the `CAP_` prefix, or `ALL`. */
const CAPABILITY = /^[A-Z][A-Z0-9_]*$/;
/** Signal names (`SIGTERM`, `SIGRTMIN+3`) or numbers. */
const SIGNAL = /^(SIG[A-Z0-9]+([+-][0-9]+)?|[0-9]+)$/;
/** Environment variable names that a secret's `environment` can read. */
const ENV_VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const FIXED_NETWORK_MODES = ['none', 'host', 'bridge'];
const HEALTHCHECK_KEYWORDS = ['CMD', 'CMD-SHELL', 'NONE'];

/**
 * Every problem of `model`, or an empty list. Covers names, references (depends_on, secrets, networks,
 * volumes, network_mode), dependency cycles, ports, health checks, durations and characters a compose file
 * cannot carry.
 */
export function validateComposeModel(model: ComposeFileModel): string[] {
  return [...validateStructure(model), ...findUnrepresentableStrings(toComposeObject(model, false))];
}

/**
 * Every problem of a compose file's plain object (snake_case keys), such as an overridden file: the values it
 * holds of a type the specification does not allow there, and every problem `validateComposeModel` finds in the
 * parts the model covers (see read.ts for what is read; other keys are left to compose).
 */
export function validateComposeObject(object: ComposeObject): string[] {
  const { model, problems } = readComposeObject(object);
  return [...problems, ...validateStructure(model), ...findUnrepresentableStrings(object)];
}

function validateStructure(model: ComposeFileModel): string[] {
  const problems: string[] = [];
  const services = model.services ?? {};
  const networks = model.networks ?? {};
  const volumes = model.volumes ?? {};
  const secrets = model.secrets ?? {};

  if (model.name !== undefined && !PROJECT_NAME.test(model.name)) {
    problems.push(`name: "${model.name}" is not a valid compose project name (use lower case letters, digits, dashes and underscores, starting with a letter or digit)`);
  }
  for (const [kind, map] of [['services', services], ['networks', networks], ['volumes', volumes], ['secrets', secrets]] as const) {
    for (const key of Object.keys(map)) {
      if (!RESOURCE_NAME.test(key)) {
        problems.push(`${kind}.${key}: "${key}" is not a valid name (use letters, digits, dots, dashes and underscores: [a-zA-Z0-9._-]+)`);
      }
    }
  }

  for (const [name, secret] of Object.entries(secrets)) {
    const hasFile = secret.file !== undefined;
    const hasEnv = secret.environment !== undefined;
    if (hasFile === hasEnv) {
      problems.push(`secrets.${name}: set exactly one of file and environment (got ${hasFile ? 'both' : 'neither'})`);
    }
    if (hasFile && secret.file === '') {
      problems.push(`secrets.${name}.file: is empty (give the path of the file holding the secret)`);
    }
    if (hasEnv && !ENV_VAR_NAME.test(secret.environment!)) {
      problems.push(`secrets.${name}.environment: "${secret.environment}" is not an environment variable name ([A-Za-z_][A-Za-z0-9_]*)`);
    }
  }

  const publishedBy = new Map<string, string>();
  for (const [name, service] of Object.entries(services)) {
    problems.push(...validateService(`services.${name}`, name, service, model, publishedBy));
  }
  problems.push(...findDependencyCycles(model));
  return problems;
}

function validateService(
  path: string, name: string, service: ComposeService, model: ComposeFileModel, publishedBy: Map<string, string>,
): string[] {
  const problems: string[] = [];
  const services = model.services ?? {};

  if (service.image === undefined && service.imageBuild === undefined) {
    problems.push(`${path}: has neither image nor build (set image or imageBuild)`);
  }
  if (service.image !== undefined && service.image.trim() === '') {
    problems.push(`${path}.image: is empty`);
  }
  if (service.imageBuild !== undefined) {
    if (service.imageBuild.context === '') {
      problems.push(`${path}.build.context: is empty (give the build context's path)`);
    }
    problems.push(...validateSecretRefs(`${path}.build.secrets`, service.imageBuild.secrets, model));
    for (const [ctx, value] of Object.entries(service.imageBuild.additionalContexts ?? {})) {
      const where = `${path}.build.additional_contexts.${ctx}`;
      const other = value.startsWith('service:') ? value.slice('service:'.length) : undefined;
      if (ctx.trim() === '' || value.trim() === '') {
        problems.push(`${where}: name and value must not be empty (give a path, URL, docker-image:// reference or service:<name>)`);
      } else if (other === name) {
        problems.push(`${where}: a service's build cannot use its own image (name another service)`);
      } else if (other !== undefined && !(other in services)) {
        problems.push(`${where}: service "${other}" does not exist (add it, or name a service of this file)`);
      } else if (other !== undefined && services[other].imageBuild === undefined) {
        problems.push(`${where}: service "${other}" builds no image (give it a build, or use docker-image://${services[other].image ?? '<image>'})`);
      }
    }
  }
  if (service.scale !== undefined && (!Number.isSafeInteger(service.scale) || service.scale < 0)) {
    problems.push(`${path}.scale: ${service.scale} is not a number of containers (a whole number >= 0)`);
  }
  if (service.user !== undefined && !isContainerUser(service.user)) {
    problems.push(`${path}.user: "${service.user}" is not a user (${CONTAINER_USER_FIX})`);
  }
  for (const [key, list] of [['cap_drop', service.capDrop], ['cap_add', service.capAdd]] as const) {
    for (const [i, cap] of (list ?? []).entries()) {
      if (!CAPABILITY.test(cap)) {
        problems.push(`${path}.${key}[${i}]: "${cap}" is not a capability name (upper case, e.g. ALL or NET_BIND_SERVICE)`);
      }
    }
  }
  for (const [key, list] of [['cap_drop', service.capDrop], ['cap_add', service.capAdd], ['security_opt', service.securityOpt],
    ['tmpfs', service.tmpfs], ['profiles', service.profiles]] as const) {
    for (const dup of duplicates(list ?? [])) {
      problems.push(`${path}.${key}: "${dup}" is listed more than once (compose requires unique items)`);
    }
  }
  for (const [i, p] of (service.tmpfs ?? []).entries()) {
    if (!p.startsWith('/')) {
      problems.push(`${path}.tmpfs[${i}]: "${p}" is not an absolute path`);
    }
  }
  for (const [i, p] of (service.profiles ?? []).entries()) {
    if (!PROFILE_NAME.test(p)) {
      problems.push(`${path}.profiles[${i}]: "${p}" is not a valid profile name ([a-zA-Z0-9][a-zA-Z0-9_.-]*)`);
    }
  }
  if (service.pidsLimit !== undefined && (!Number.isSafeInteger(service.pidsLimit) || service.pidsLimit < -1 || service.pidsLimit === 0)) {
    problems.push(`${path}.pids_limit: ${service.pidsLimit} is not a PID limit (a positive integer, or -1 for unlimited)`);
  }
  for (const key of Object.keys(service.environment ?? {})) {
    if (key === '' || key.includes('=')) {
      problems.push(`${path}.environment: "${key}" is not an environment variable name (non-empty, without "=")`);
    }
  }
  for (const [key, labels] of [['labels', service.labels], ['build.labels', service.imageBuild?.labels], ['build.args', service.imageBuild?.args]] as const) {
    for (const k of Object.keys(labels ?? {})) {
      if (k.trim() === '') {
        problems.push(`${path}.${key}: has an empty key`);
      }
    }
  }
  problems.push(...validateSecretRefs(`${path}.secrets`, service.secrets, model));
  problems.push(...validateVolumes(path, service, model));
  problems.push(...validatePorts(path, name, service.ports ?? [], publishedBy));

  if (service.networks !== undefined && service.networkMode !== undefined) {
    problems.push(`${path}: sets both network_mode and networks, which compose rejects (keep one of them)`);
  }
  for (const net of Object.keys(service.networks ?? {})) {
    if (net !== 'default' && !(net in (model.networks ?? {}))) {
      problems.push(`${path}.networks.${net}: network "${net}" is not declared (add it to the file's networks)`);
    }
  }
  if (service.networkMode !== undefined) {
    const mode = service.networkMode;
    const m = /^(service|container):(.+)$/.exec(mode);
    if (m && m[1] === 'service' && !(m[2] in services)) {
      problems.push(`${path}.network_mode: service "${m[2]}" does not exist`);
    } else if (!m && !FIXED_NETWORK_MODES.includes(mode)) {
      problems.push(`${path}.network_mode: "${mode}" is not a network mode (none, host, bridge, service:<name> or container:<name>)`);
    }
  }

  for (const [dep, how] of Object.entries(service.dependsOn ?? {})) {
    if (dep === name) {
      problems.push(`${path}.depends_on.${dep}: a service cannot depend on itself`);
    } else if (!(dep in services)) {
      problems.push(`${path}.depends_on.${dep}: service "${dep}" does not exist`);
    } else if (how.required !== false) {
      const missing = profileWithoutDependency(service.profiles ?? [], services[dep].profiles ?? []);
      if (missing !== undefined) {
        problems.push(`${path}.depends_on.${dep}: "${dep}" is disabled ${missing}, where "${name}" runs and compose then fails ` +
          `(give "${dep}" the profiles of "${name}", or make the dependency required: false)`);
      }
    }
  }
  if (service.healthcheck !== undefined) {
    problems.push(...validateHealthcheck(`${path}.healthcheck`, service.healthcheck));
  }
  if (service.stopSignal !== undefined && !SIGNAL.test(service.stopSignal)) {
    problems.push(`${path}.stop_signal: "${service.stopSignal}" is not a signal (e.g. SIGTERM)`);
  }
  problems.push(...validateDuration(`${path}.stop_grace_period`, service.stopGracePeriod));
  return problems;
}

/**
 * When a service enabled by `profiles` can run without a dependency enabled by `depProfiles` (compose then
 * reports "depends on undefined service"): a description of that case, or undefined when the dependency always
 * runs with it.
 */
function profileWithoutDependency(profiles: string[], depProfiles: string[]): string | undefined {
  if (depProfiles.length === 0) {
    return undefined;
  }
  if (profiles.length === 0) {
    return 'when none of its profiles is active';
  }
  const uncovered = profiles.find(p => !depProfiles.includes(p));
  return uncovered === undefined ? undefined : `under profile "${uncovered}"`;
}

function validateSecretRefs(path: string, refs: ComposeServiceSecret[] | undefined, model: ComposeFileModel): string[] {
  const problems: string[] = [];
  for (const [i, ref] of (refs ?? []).entries()) {
    if (!(ref.source in (model.secrets ?? {}))) {
      problems.push(`${path}[${i}]: secret "${ref.source}" is not declared (add it to the file's secrets)`);
    }
    for (const key of ['uid', 'gid'] as const) {
      const v = ref[key];
      if (v !== undefined && !/^[0-9]+$/.test(v)) {
        problems.push(`${path}[${i}].${key}: "${v}" is not a numeric id`);
      }
    }
    if (ref.mode !== undefined && (!Number.isInteger(ref.mode) || ref.mode < 0 || ref.mode > 0o777)) {
      problems.push(`${path}[${i}].mode: ${ref.mode} is not a file mode (0 to 0o777)`);
    }
  }
  return problems;
}

function validateVolumes(path: string, service: ComposeService, model: ComposeFileModel): string[] {
  const problems: string[] = [];
  for (const [i, v] of (service.volumes ?? []).entries()) {
    const at = `${path}.volumes[${i}]`;
    if (!v.target.startsWith('/')) {
      problems.push(`${at}.target: "${v.target}" is not an absolute path`);
    }
    if (v.mountType === ComposeMountType.TMPFS && v.source !== undefined) {
      problems.push(`${at}.source: a tmpfs mount has no source`);
    } else if (v.mountType !== ComposeMountType.TMPFS && !v.source) {
      problems.push(`${at}.source: a ${v.mountType} mount needs a source`);
    } else if (v.mountType === ComposeMountType.VOLUME && !(v.source! in (model.volumes ?? {}))) {
      problems.push(`${at}.source: volume "${v.source}" is not declared (add it to the file's volumes)`);
    }
  }
  return problems;
}

function validatePorts(path: string, service: string, ports: ComposePort[], publishedBy: Map<string, string>): string[] {
  const problems: string[] = [];
  for (const [i, port] of ports.entries()) {
    const at = `${path}.ports[${i}]`;
    if (!isPort(port.target)) {
      problems.push(portProblem(`${at}.target:`, port.target));
    }
    if (port.published !== undefined && !isPort(port.published)) {
      problems.push(portProblem(`${at}.published:`, port.published));
    }
    if (port.hostIp !== undefined && isIP(port.hostIp) === 0) {
      problems.push(`${at}.host_ip: "${port.hostIp}" is not an IP address`);
    }
    if (port.published !== undefined) {
      const key = `${port.hostIp ?? '*'}:${port.published}/${port.protocol ?? 'tcp'}`;
      const other = publishedBy.get(key);
      if (other !== undefined) {
        problems.push(`${at}: host port ${key} is already published by ${other} (publish each host port once)`);
      } else {
        publishedBy.set(key, `${service}.ports[${i}]`);
      }
    }
  }
  return problems;
}

function validateHealthcheck(path: string, hc: ComposeHealthcheck): string[] {
  const problems: string[] = [];
  if (hc.disable === true && hc.test !== undefined) {
    problems.push(`${path}: sets both test and disable (a disabled health check has no test)`);
  } else if (hc.disable !== true && hc.test === undefined) {
    problems.push(`${path}: has no test (give the command, or disable the health check)`);
  }
  if (hc.test !== undefined) {
    if (hc.test.length === 0 || hc.test[0] === '') {
      problems.push(`${path}.test: is empty (give the command to run, e.g. ["/venv/bin/python3", "-m", "healthcheck"])`);
    } else if (HEALTHCHECK_KEYWORDS.includes(hc.test[0])) {
      problems.push(`${path}.test: starts with "${hc.test[0]}", but the test is the command alone (lucid-cdk writes the leading CMD)`);
    }
  }
  if (hc.retries !== undefined && (!Number.isSafeInteger(hc.retries) || hc.retries < 1)) {
    problems.push(`${path}.retries: ${hc.retries} is not a positive integer`);
  }
  problems.push(...validateDuration(`${path}.interval`, hc.interval));
  problems.push(...validateDuration(`${path}.timeout`, hc.timeout));
  problems.push(...validateDuration(`${path}.start_period`, hc.startPeriod));
  problems.push(...validateDuration(`${path}.start_interval`, hc.startInterval));
  return problems;
}

function validateDuration(path: string, d: ComposeDuration | undefined): string[] {
  if (d === undefined) {
    return [];
  }
  if (!Number.isSafeInteger(d.milliseconds) || d.milliseconds < 0) {
    return [`${path}: ${d.milliseconds}ms is not a duration (a whole, non-negative number of milliseconds)`];
  }
  return [];
}

/** Dependency cycles, each reported once as `a => b => a`, starting from its smallest service name. */
function findDependencyCycles(model: ComposeFileModel): string[] {
  const services = model.services ?? {};
  const edges = (name: string): string[] => Object.keys(services[name]?.dependsOn ?? {})
    .filter(d => d !== name && d in services)
    .sort(compareKeys);
  // A build that uses another service's image (`service:<name>`) waits for that build: a cycle never builds.
  const buildEdges = (name: string): string[] => [...new Set(Object.values(services[name]?.imageBuild?.additionalContexts ?? {})
    .filter(v => v.startsWith('service:')).map(v => v.slice('service:'.length)))]
    .filter(d => d !== name && d in services)
    .sort(compareKeys);
  const names = Object.keys(services).sort(compareKeys);
  return [
    ...cyclesOf(names, edges, compareKeys).map(c => `depends_on: dependency cycle ${formatCycle(c)} (remove one of these dependencies)`),
    ...cyclesOf(names, buildEdges, compareKeys)
      .map(c => `build.additional_contexts: build cycle ${formatCycle(c)} (an image cannot be built on itself, even through others)`),
  ];
}

/** Strings of the compose file (keys and values) that hold characters a compose file cannot carry. */
function findUnrepresentableStrings(object: ComposeObject): string[] {
  const problems: string[] = [];
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') {
      const c = unrepresentableCharacter(value);
      if (c) {
        problems.push(`${path}: contains ${c}, which a compose file cannot carry (remove it)`);
      }
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, `${path}[${i}]`));
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        const c = unrepresentableCharacter(k);
        if (c) {
          problems.push(`${path}: key ${JSON.stringify(k)} contains ${c}, which a compose file cannot carry (remove it)`);
        }
        walk(v, path ? `${path}.${k}` : k);
      }
    }
  };
  walk(object, '');
  return problems;
}

function duplicates(list: string[]): string[] {
  const seen = new Set<string>();
  const dups = new Set<string>();
  for (const x of list) {
    if (seen.has(x)) dups.add(x);
    seen.add(x);
  }
  return [...dups];
}
