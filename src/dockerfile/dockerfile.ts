import { Construct } from 'constructs';
import { brand, DOCKERFILE_BRAND, hasBrand } from './brands';
import { InstructionKind } from './instruction';
import { isOutsideContext, normalizeContextPath } from './paths';
import { renderDockerfile } from './render';
import { MountType } from './run-options';
import { Stage, StageProps } from './stage';
import { validateDockerfile, validateStage } from './validate';
import { lockedImage } from '../core/app-of';
import { dockerfileNotRenderable, formatProblem, noSuchStage } from '../core/errors';

/**
 * Properties of a Dockerfile.
 */
export interface DockerfileProps {
  /**
   * The `# syntax=<image>` parser directive, written as the first line.
   * @default - none: Docker's built-in frontend. A syntax line makes BuildKit pull the frontend image, which
   * cannot build offline.
   * @see https://docs.docker.com/reference/dockerfile/#syntax
   */
  readonly syntax?: string;

  /**
   * Comment lines written after the directive, each as `# <line>` (e.g. a generated-file marker). A line may
   * not hold a line break.
   * @default - none
   */
  readonly header?: string[];
}

/**
 * A multi-stage Dockerfile. Stages are added with `addStage()`; the last one is the image's final stage.
 *
 * `render()` is deterministic (same calls, same bytes) and escapes every value for Docker's parser, so what is
 * put in comes out of the built image unchanged. Anything that cannot be written (a line break in a label, a
 * RUN in a stage without a shell, a copy from a later stage, ...) is reported by `validate()`, each problem
 * prefixed with the construct path, and `render()` refuses to produce a file.
 *
 * @see https://docs.docker.com/reference/dockerfile/
 */
export class Dockerfile extends Construct {
  /** Whether `x` is a Dockerfile (works across copies of this library). */
  public static isDockerfile(x: any): x is Dockerfile {
    return hasBrand(x, DOCKERFILE_BRAND);
  }

  /** The `# syntax=` directive, if any. */
  public readonly syntax?: string;
  private readonly header: string[];
  /** Stage names in the order they were first added (a replacement takes its predecessor's place). */
  private readonly stageOrder: string[] = [];

  /**
   * @param scope the construct this Dockerfile belongs to
   * @param id the construct id
   * @param props its properties
   */
  constructor(scope: Construct, id: string, props: DockerfileProps = {}) {
    super(scope, id);
    brand(this, DOCKERFILE_BRAND);
    this.syntax = props.syntax;
    this.header = [...(props.header ?? [])];
    this.node.addValidation({ validate: () => this.ownProblems() });
  }

  /**
   * Adds a stage (`FROM <from> AS <name>`) after the existing ones.
   * @param name the stage name and construct id: `^[a-z][a-z0-9_.-]*$`
   * @throws Error when the name is invalid or already used.
   */
  public addStage(name: string, props: StageProps): Stage {
    return new Stage(this, name, props);
  }

  /**
   * The stage named `name`, to add instructions to after the ones lucid-cdk added (the Dockerfile is rendered
   * at synthesis, so they are written and validated with the rest):
   * `image.dockerfile.stage('runtime').addEnv('LOG_LEVEL', 'debug')`.
   * @param name the stage name
   * @throws Error when there is no such stage.
   */
  public stage(name: string): Stage {
    const found = this.stages.find(s => s.name === name);
    if (!found) {
      throw noSuchStage(this.node.path, name, this.stages.map(s => s.name));
    }
    return found;
  }

  /**
   * Replaces the stage named `name` with a new, empty stage of the same name and in the same place, and returns
   * it to be filled. The new stage is validated and checked by the compliance rules like any other: replacing
   * the runtime (last) stage of an image replaces what the image runs, and the rules judge the new one.
   *
   * Other stages that refer to the replaced stage object (`COPY --from`, `BaseImage.fromStage()`, a mount's
   * `from`) are reported by validation: replace them too, referring to the new stage.
   *
   * @param name the stage to replace
   * @param props what the new stage builds FROM
   * @throws Error when there is no such stage.
   */
  public replaceStage(name: string, props: StageProps): Stage {
    this.stage(name); // reads `stages`, which records the order: the new stage takes the old one's place
    this.node.tryRemoveChild(name);
    return new Stage(this, name, props);
  }

  /** The stages, in file order (a replaced stage keeps its place). */
  public get stages(): Stage[] {
    const children = this.node.children.filter(Stage.isStage);
    for (const s of children) {
      if (!this.stageOrder.includes(s.name)) {
        this.stageOrder.push(s.name);
      }
    }
    return this.stageOrder.map(n => children.find(s => s.name === n)).filter((s): s is Stage => s !== undefined);
  }

  /** The last stage (the image that is built by default), if any. */
  public get finalStage(): Stage | undefined {
    const stages = this.stages;
    return stages.length > 0 ? stages[stages.length - 1] : undefined;
  }

  /**
   * Every path read from the build context: COPY sources without `fromStage`/`fromImage`, and sources of bind mounts
   * without `fromStage` (`.` for a bind of the whole context). Normalized relative to the context root, without a
   * trailing `/`; sorted, unique. Paths outside the context are left out (validation reports them).
   */
  public contextSources(): string[] {
    const out = new Set<string>();
    const add = (p: string) => {
      if (p === '') {
        return;
      }
      const n = normalizeContextPath(p);
      if (!isOutsideContext(n)) {
        out.add(n);
      }
    };
    for (const stage of this.stages) {
      for (const i of stage.instructions) {
        if (i.kind === InstructionKind.COPY && i.copyInstruction!.fromContext) {
          i.copyInstruction!.sources.forEach(add);
        }
        if (i.kind === InstructionKind.RUN) {
          for (const m of i.run!.mounts) {
            if (m.mountType === MountType.BIND && !m.fromStage) {
              add(m.source ?? '.');
            }
          }
        }
      }
    }
    return [...out].sort(compareCodeUnits);
  }

  /**
   * Every problem of this Dockerfile and its stages, each prefixed with the construct path, e.g.
   * `[app/api/Dockerfile/runtime] RUN "pip install x" needs a shell, but gcr.io/distroless/python3-debian13 has none: ...`.
   */
  public validate(): string[] {
    return [...this.ownProblems().map(p => formatProblem(this.node.path, p)), ...this.stages.flatMap(s => s._problems())];
  }

  /**
   * The Dockerfile text, ending with a newline.
   * @throws Error listing every problem of `validate()`, if there is any.
   */
  public render(): string {
    const problems = this.validate();
    if (problems.length > 0) {
      throw dockerfileNotRenderable(this.node.path, problems);
    }
    return renderDockerfile(this.syntax, this.header, this.stages, ref => lockedImage(this, ref));
  }

  /**
   * Every problem of one of its stages, without the path prefix: the stage asks its Dockerfile, which holds the
   * checks (a stage does not import them, so the model's files import each other one way).
   * @internal
   */
  public _stageProblems(stage: Stage): string[] {
    return validateStage(stage);
  }

  private ownProblems(): string[] {
    return validateDockerfile({ syntax: this.syntax, header: this.header, stageCount: this.stages.length });
  }
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
