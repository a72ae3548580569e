import { DistrolessUser } from '../runtimes';

/**
 * How every Lucid container runs, whatever runs it: as the distroless nonroot user, on a read-only root with a
 * tmpfs for scratch files, with no capabilities and no way to gain privileges, behind an init process that
 * forwards signals. Compose reads it, and so does the end-to-end suite's `docker run`; a later runtime target
 * (Kubernetes, systemd) reads it too, rather than typing the same facts again. @internal
 */
export const RUN_CONTRACT = {
  /** `uid:gid` of distroless's nonroot user. */
  user: `${DistrolessUser.NONROOT_UID}:${DistrolessUser.NONROOT_GID}`,
  readOnlyRoot: true,
  /** Writable scratch folders of a service (foundation services declare their own). */
  tmpfs: ['/tmp'],
  capDrop: ['ALL'],
  /** `no-new-privileges`, as compose and `docker run --security-opt` write it. */
  securityOpt: ['no-new-privileges:true'],
  init: true,
} as const;

/** The contract as `docker run` flags (without the user, which the image sets). @internal */
export function dockerRunFlags(): string[] {
  return [
    ...(RUN_CONTRACT.readOnlyRoot ? ['--read-only'] : []),
    ...RUN_CONTRACT.tmpfs.flatMap(t => ['--tmpfs', t]),
    ...RUN_CONTRACT.capDrop.flatMap(c => ['--cap-drop', c]),
    ...RUN_CONTRACT.securityOpt.flatMap(o => ['--security-opt', o]),
  ];
}
