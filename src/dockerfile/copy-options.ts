import type { Stage } from './stage';

/**
 * Options of a COPY instruction. Only flags that the built-in frontend of Docker Engine 24 and later supports
 * are offered (no `--exclude`, no `--parents`).
 * @see https://docs.docker.com/reference/dockerfile/#copy
 */
export interface CopyOptions {
  /**
   * Copy from an earlier stage of the same Dockerfile instead of the build context. A Stage object, never a
   * string: a renamed stage cannot break the copy (`--from=<stage name>`).
   * @default - the build context
   */
  readonly fromStage?: Stage;
  /**
   * Copy from an image instead of the build context (`--from=<image reference>`).
   * @default - the build context
   */
  readonly fromImage?: string;
  /**
   * Owner of the copied files: `user`, `uid`, `user:group` or `uid:gid`.
   * @default - root (0:0)
   */
  readonly chown?: string;
  /**
   * Mode of the copied files, in octal only (`755`, `0644`): the built-in frontend silently ignores symbolic
   * modes.
   * @default - the source's mode
   */
  readonly chmod?: string;
  /**
   * Copy into an independent layer (`--link`), which survives changes to earlier layers.
   * @default false
   */
  readonly link?: boolean;
}
