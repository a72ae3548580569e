// Run-time hardening of a running service container, judged from outside (distroless has no shell): what
// `docker inspect` says of it, and whether a write outside its declared tmpfs really fails while one inside
// succeeds. Writes go through `/proc/<pid>/root/<path>` as root from the engine's namespace: the read-only root
// mount refuses even root with EROFS, a tmpfs accepts.
import * as fs from 'fs';
import * as path from 'path';
import { RUN_CONTRACT } from '../service/run-contract';

/** The part of `docker inspect` of a container the checks read. @internal */
export interface InspectedContainer {
  readonly Config: { readonly User?: string };
  readonly HostConfig: {
    readonly ReadonlyRootfs?: boolean;
    readonly CapDrop?: string[] | null;
    readonly SecurityOpt?: string[] | null;
    readonly Tmpfs?: Record<string, string> | null;
  };
  readonly State: { readonly Pid: number };
}

/** What `docker inspect` shows of `service` that breaks the run contract: one line per field, empty when none. @internal */
export function hardeningMisses(service: string, c: InspectedContainer): string[] {
  const misses: string[] = [];
  const h = c.HostConfig;
  if (h.ReadonlyRootfs !== true) misses.push(`${service}: HostConfig.ReadonlyRootfs is ${h.ReadonlyRootfs}, not true`);
  if (!(h.CapDrop ?? []).map(x => x.toUpperCase()).includes('ALL')) misses.push(`${service}: HostConfig.CapDrop is ${JSON.stringify(h.CapDrop)}, without ALL`);
  if (!(h.SecurityOpt ?? []).some(o => /^no-new-privileges(:true|=true)?$/.test(o))) {
    misses.push(`${service}: HostConfig.SecurityOpt is ${JSON.stringify(h.SecurityOpt)}, without no-new-privileges`);
  }
  const uid = String(RUN_CONTRACT.user).split(':')[0];
  const user = c.Config.User ?? '';
  if (user !== uid && user !== RUN_CONTRACT.user) misses.push(`${service}: Config.User is "${user}", not ${uid} or ${RUN_CONTRACT.user}`);
  if (Object.keys(h.Tmpfs ?? {}).length === 0) misses.push(`${service}: HostConfig.Tmpfs declares no tmpfs`);
  return misses;
}

/** The outcome of one write probe. @internal */
export interface WriteProbe {
  readonly path: string;
  readonly ok: boolean;
  /** The error code when the write failed (EROFS expected outside a tmpfs). */
  readonly code?: string;
}

/** Writes (then removes) a probe file at `inside` of the container whose process is `pid`. @internal */
export function probeWrite(pid: number, inside: string): WriteProbe {
  const file = path.join(`/proc/${pid}/root`, inside, `.lucid-e2e-write-probe-${process.pid}`);
  try {
    fs.writeFileSync(file, 'probe\n');
    fs.unlinkSync(file);
    return { path: inside, ok: true };
  } catch (e: any) {
    return { path: inside, ok: false, code: e.code ?? String(e) };
  }
}

/** Probes a write outside every tmpfs (the root) and one inside each; returns the misses. @internal */
export function writeMisses(service: string, c: InspectedContainer): string[] {
  const misses: string[] = [];
  const outside = probeWrite(c.State.Pid, '/');
  if (outside.ok || outside.code !== 'EROFS') {
    misses.push(`${service}: a write to / ${outside.ok ? 'succeeded' : `failed with ${outside.code}, not EROFS`} (the root must be read-only)`);
  }
  for (const t of Object.keys(c.HostConfig.Tmpfs ?? {})) {
    const inside = probeWrite(c.State.Pid, t);
    if (!inside.ok) misses.push(`${service}: a write to the tmpfs ${t} failed with ${inside.code}`);
  }
  return misses;
}
