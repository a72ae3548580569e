import { Construct } from 'constructs';
import type { BaseImage } from './base-image';
import { brand, DOCKERFILE_BRAND, hasBrand, STAGE_BRAND } from './brands';
import type { CopyOptions } from './copy-options';
import type { Dockerfile } from './dockerfile';
import { ExposedPort, Protocol } from './expose';
import type { HealthcheckOptions } from './healthcheck';
import { CopyInstruction, Instruction, InstructionKind, RunInstruction } from './instruction';
import type { RunOptions } from './run-options';
import { stageNameProblem } from './stage-name';
import { duplicateStage, formatProblem, invalidStageName, stageOutsideDockerfile } from '../core/errors';

/**
 * Properties of a stage.
 */
export interface StageProps {
  /** What the stage is built FROM. */
  readonly baseImage: BaseImage;
  /**
   * The platform of the base image (`FROM --platform=<value>`), e.g. `$BUILDPLATFORM` for a builder that
   * cross-compiles.
   * @default - none (the target platform)
   * @see https://docs.docker.com/reference/dockerfile/#from
   */
  readonly platform?: string;
}

/**
 * One stage of a multi-stage Dockerfile: `FROM <base> AS <name>` and its instructions.
 *
 * Instructions that build the file system (ARG, ENV, LABEL, RUN, COPY, WORKDIR, USER, EXPOSE) are rendered in
 * the order they were added. The image's run-time settings (STOPSIGNAL, HEALTHCHECK, ENTRYPOINT, CMD) hold one
 * value each (the last set wins) and are rendered at the end of the stage in that order.
 *
 * Create stages with `Dockerfile.addStage()`.
 * @see https://docs.docker.com/build/building/multi-stage/
 */
export class Stage extends Construct {
  /** Whether `x` is a Stage (works across copies of this library). */
  public static isStage(x: any): x is Stage {
    return hasBrand(x, STAGE_BRAND);
  }

  /** The stage name (`AS <name>`), also its construct id. */
  public readonly name: string;
  /** What the stage is built FROM. */
  public readonly baseImage: BaseImage;
  /** The `--platform` of FROM, if any. */
  public readonly platform?: string;
  /** The Dockerfile this stage belongs to. */
  public readonly dockerfile: Dockerfile;

  private readonly body: Instruction[] = [];
  private _stopSignal?: string;
  private _healthcheck?: HealthcheckOptions;
  private _entrypoint?: string[];
  private _cmd?: string[];

  /**
   * Use `Dockerfile.addStage()`.
   * @param scope the Dockerfile
   * @param name the stage name: lower-case letters, digits, `_`, `.` and `-`, starting with a letter
   * @param props what the stage builds FROM
   */
  constructor(scope: Dockerfile, name: string, props: StageProps) {
    if (!hasBrand(scope, DOCKERFILE_BRAND)) {
      throw stageOutsideDockerfile((scope as Construct)?.node?.path ?? '?', name);
    }
    const problem = stageNameProblem(name);
    if (problem) {
      throw invalidStageName(scope.node.path, problem);
    }
    if (scope.node.tryFindChild(name)) {
      throw duplicateStage(scope.node.path, name);
    }
    super(scope, name);
    brand(this, STAGE_BRAND);
    this.name = name;
    this.baseImage = props.baseImage;
    this.platform = props.platform;
    this.dockerfile = scope;
    this.node.addValidation({ validate: () => this.dockerfile._stageProblems(this) });
  }

  /** Whether commands can run in this stage: its base image has a shell. */
  public get hasShell(): boolean {
    return this.baseImage.hasShell;
  }

  /**
   * Declares a build argument (`ARG name[="default"]`).
   * @param name `^[A-Za-z_][A-Za-z0-9_]*$`
   * @param defaultValue the default, written literally (no variable substitution)
   */
  public addArg(name: string, defaultValue?: string): Stage {
    return this.push({ kind: InstructionKind.ARG, key: name, value: defaultValue });
  }

  /**
   * Sets an environment variable (`ENV NAME="value"`). The value is written literally: `$` is escaped, so
   * Docker does not substitute variables in it.
   * @param name `^[A-Za-z_][A-Za-z0-9_]*$`
   */
  public addEnv(name: string, value: string): Stage {
    return this.push({ kind: InstructionKind.ENV, key: name, value });
  }

  /**
   * Sets a label (`LABEL "key"="value"`), both written literally.
   * @param key non-empty, without `=` (Docker splits a label at its first `=`, even inside quotes)
   */
  public addLabel(key: string, value: string): Stage {
    return this.push({ kind: InstructionKind.LABEL, key, value });
  }

  /**
   * Runs a shell command (`RUN <command>`). The command is written verbatim (the shell, not Docker, expands
   * it) and must be one line: use several calls, or join commands with `&&`. Needs a shell in the base image.
   */
  public addRun(command: string, options: RunOptions = {}): Stage {
    const run: RunInstruction = freeze<RunInstruction>({
      execForm: false,
      command,
      mounts: freeze([...(options.mounts ?? [])].map(m => freeze({ ...m }))),
      network: options.network,
    });
    return this.push({ kind: InstructionKind.RUN, run });
  }

  /**
   * Runs a program in exec form (`RUN ["program", "arg"]`): no shell is involved, so this is allowed in stages
   * whose image has no shell (the program itself must exist in the image).
   */
  public addRunExec(args: string[], options: RunOptions = {}): Stage {
    const frozenArgs = freeze([...args]);
    const run: RunInstruction = freeze<RunInstruction>({
      execForm: true,
      args: frozenArgs,
      mounts: freeze([...(options.mounts ?? [])].map(m => freeze({ ...m }))),
      network: options.network,
    });
    return this.push({ kind: InstructionKind.RUN, args: frozenArgs, run });
  }

  /**
   * Copies files (`COPY [flags] <sources...> <destination>`), from the build context unless `fromStage`
   * or `fromImage` is given. Paths are written literally; a source may be a wildcard pattern, as in COPY.
   * With several sources, the destination must end with `/`.
   */
  public addCopy(sources: string[], destination: string, options: CopyOptions = {}): Stage {
    const copy: CopyInstruction = freeze<CopyInstruction>({
      sources: freeze([...sources]),
      destination,
      fromStage: options.fromStage,
      fromStageName: options.fromStage?.name,
      fromImage: options.fromImage,
      fromContext: options.fromStage === undefined && options.fromImage === undefined,
      chown: options.chown,
      chmod: options.chmod,
      link: options.link ?? false,
    });
    return this.push({ kind: InstructionKind.COPY, copyInstruction: copy });
  }

  /**
   * Changes the working directory for the instructions that follow, and for the container (appends a
   * `WORKDIR`).
   */
  public addWorkdir(path: string): Stage {
    return this.push({ kind: InstructionKind.WORKDIR, value: path });
  }

  /**
   * Changes the user for the instructions that follow, and for the container (appends a `USER`).
   */
  public addUser(user: string): Stage {
    return this.push({ kind: InstructionKind.USER, value: user });
  }

  /**
   * Declares a port (`EXPOSE <port>/<protocol>`). Declaring the same port and protocol twice has no effect.
   * @param port 1 to 65535
   * @param protocol @default Protocol.TCP
   */
  public addExpose(port: number, protocol: Protocol = Protocol.TCP): Stage {
    if (this.exposedPorts.some(p => p.port === port && p.protocol === protocol)) {
      return this;
    }
    return this.push({ kind: InstructionKind.EXPOSE, expose: freeze({ port, protocol }) });
  }

  /**
   * Uses this health check (`HEALTHCHECK [flags] CMD [...]`), replacing any earlier one.
   */
  public useHealthcheck(options: HealthcheckOptions): Stage {
    this._healthcheck = freeze({ ...options, command: freeze([...options.command]) });
    return this;
  }

  /**
   * Uses this entrypoint, in exec form (`ENTRYPOINT [...]`), replacing any earlier one.
   */
  public useEntrypoint(args: string[]): Stage {
    this._entrypoint = freeze([...args]);
    return this;
  }

  /**
   * Uses these default arguments, in exec form (`CMD [...]`), replacing any earlier ones.
   */
  public useCmd(args: string[]): Stage {
    this._cmd = freeze([...args]);
    return this;
  }

  /**
   * Uses this signal to stop the container (`STOPSIGNAL`), e.g. `SIGINT` for a Python PID 1, replacing any
   * earlier one.
   * @param signal a signal name (`SIGTERM`, `SIGRTMIN+3`) or number
   */
  public useStopSignal(signal: string): Stage {
    this._stopSignal = signal;
    return this;
  }

  // The set* names below are the TypeScript API. jsii refuses one-argument methods named setXxx (they would
  // clash with Java property setters), so they are hidden from jsii; other languages use the names above.


  /** Every instruction after FROM, in the order rendered. */
  public get instructions(): Instruction[] {
    const out = [...this.body];
    if (this._stopSignal !== undefined) {
      out.push(freeze({ kind: InstructionKind.STOPSIGNAL, value: this._stopSignal }));
    }
    if (this._healthcheck) {
      out.push(freeze({ kind: InstructionKind.HEALTHCHECK, args: this._healthcheck.command, healthcheck: this._healthcheck }));
    }
    if (this._entrypoint) {
      out.push(freeze({ kind: InstructionKind.ENTRYPOINT, args: this._entrypoint }));
    }
    if (this._cmd) {
      out.push(freeze({ kind: InstructionKind.CMD, args: this._cmd }));
    }
    return out;
  }

  /** The environment this stage sets (ENV), the last value of each name. */
  public envVars(): { [name: string]: string } {
    return this.keyValues(InstructionKind.ENV);
  }

  /** The labels this stage sets (LABEL), the last value of each key. */
  public labelMap(): { [key: string]: string } {
    return this.keyValues(InstructionKind.LABEL);
  }

  /** The last USER set in this stage, if any. */
  public get user(): string | undefined {
    return this.lastValue(InstructionKind.USER);
  }

  /** The last WORKDIR set in this stage, if any. */
  public get workdir(): string | undefined {
    return this.lastValue(InstructionKind.WORKDIR);
  }

  /** The ENTRYPOINT, if set. */
  public get entrypoint(): string[] | undefined {
    return this._entrypoint ? [...this._entrypoint] : undefined;
  }

  /** The CMD, if set. */
  public get cmd(): string[] | undefined {
    return this._cmd ? [...this._cmd] : undefined;
  }

  /** The HEALTHCHECK, if set. */
  public get healthcheck(): HealthcheckOptions | undefined {
    return this._healthcheck;
  }

  /** The STOPSIGNAL, if set. */
  public get stopSignal(): string | undefined {
    return this._stopSignal;
  }

  /** The ports this stage declares, in the order added. */
  public get exposedPorts(): ExposedPort[] {
    return this.body.filter(i => i.expose).map(i => i.expose!);
  }

  /** The COPY instructions, in order. */
  public copies(): CopyInstruction[] {
    return this.body.filter(i => i.copyInstruction).map(i => i.copyInstruction!);
  }

  /** The RUN instructions, in order. */
  public runs(): RunInstruction[] {
    return this.body.filter(i => i.run).map(i => i.run!);
  }

  /**
   * Every problem of this stage, each prefixed with its construct path.
   * @internal
   */
  public _problems(): string[] {
    return this.dockerfile._stageProblems(this).map(p => formatProblem(this.node.path, p));
  }

  private push(instruction: Instruction): Stage {
    this.body.push(freeze(instruction));
    return this;
  }

  private keyValues(kind: InstructionKind): { [key: string]: string } {
    const out: { [key: string]: string } = {};
    for (const i of this.body) {
      if (i.kind === kind) {
        out[i.key!] = i.value!;
      }
    }
    return out;
  }

  private lastValue(kind: InstructionKind): string | undefined {
    const found = this.body.filter(i => i.kind === kind);
    return found.length > 0 ? found[found.length - 1].value : undefined;
  }
}

function freeze<T>(x: T): T {
  return Object.freeze(x);
}
