import type { ExposedPort } from './expose';
import type { HealthcheckOptions } from './healthcheck';
import type { RunMount, RunNetwork } from './run-options';
import type { Stage } from './stage';

/**
 * The kind of a Dockerfile instruction in a stage (FROM starts the stage and is not one of them).
 * @see https://docs.docker.com/reference/dockerfile/#overview
 */
export enum InstructionKind {
  /** `ARG name[="default"]` */
  ARG = 'ARG',
  /** `ENV NAME="value"` */
  ENV = 'ENV',
  /** `LABEL "key"="value"` */
  LABEL = 'LABEL',
  /** `RUN` in shell or exec form */
  RUN = 'RUN',
  /** `COPY [flags] sources... destination` */
  COPY = 'COPY',
  /** `WORKDIR path` */
  WORKDIR = 'WORKDIR',
  /** `USER user[:group]` */
  USER = 'USER',
  /** `EXPOSE port/protocol` */
  EXPOSE = 'EXPOSE',
  /** `STOPSIGNAL signal` */
  STOPSIGNAL = 'STOPSIGNAL',
  /** `HEALTHCHECK [flags] CMD [...]` */
  HEALTHCHECK = 'HEALTHCHECK',
  /** `ENTRYPOINT [...]` */
  ENTRYPOINT = 'ENTRYPOINT',
  /** `CMD [...]` */
  CMD = 'CMD',
}

/**
 * A RUN instruction, as a compliance rule sees it.
 */
export interface RunInstruction {
  /** Whether the command is in exec (JSON) form, which needs no shell. */
  readonly execForm: boolean;
  /** The shell-form command line, verbatim. Undefined in exec form. */
  readonly command?: string;
  /** The exec-form arguments. Undefined in shell form. */
  readonly args?: string[];
  /** The mounts of the step, in the order given. */
  readonly mounts: RunMount[];
  /** The network of the step, when one was set. */
  readonly network?: RunNetwork;
}

/**
 * A COPY instruction, as a compliance rule sees it.
 */
export interface CopyInstruction {
  /** The sources, as given. */
  readonly sources: string[];
  /** The destination, as given. */
  readonly destination: string;
  /** The stage copied from, if any. */
  readonly fromStage?: Stage;
  /** The name of the stage copied from, if any. */
  readonly fromStageName?: string;
  /** The image copied from, if any. */
  readonly fromImage?: string;
  /** Whether the sources are read from the build context (neither a stage nor an image). */
  readonly fromContext: boolean;
  /** `--chown`, if given. */
  readonly chown?: string;
  /** `--chmod`, if given. */
  readonly chmod?: string;
  /** Whether `--link` is set. */
  readonly link: boolean;
}

/**
 * One instruction of a stage, in the order it is rendered. Which fields are set depends on `kind`.
 */
export interface Instruction {
  /** What instruction this is. */
  readonly kind: InstructionKind;
  /** ARG and ENV: the variable name. LABEL: the key. */
  readonly key?: string;
  /**
   * ENV and LABEL: the value. ARG: the default (undefined when none). WORKDIR: the path. USER: the user.
   * STOPSIGNAL: the signal.
   */
  readonly value?: string;
  /** ENTRYPOINT, CMD, HEALTHCHECK and exec-form RUN: the exec-form arguments. */
  readonly args?: string[];
  /** RUN: the step. */
  readonly run?: RunInstruction;
  /** COPY: the copy. */
  readonly copyInstruction?: CopyInstruction;
  /** EXPOSE: the port. */
  readonly expose?: ExposedPort;
  /** HEALTHCHECK: the health check. */
  readonly healthcheck?: HealthcheckOptions;
}
