import * as path from 'path';
import { IConstruct } from 'constructs';
import { Component, Project } from 'projen';
import { ConstructWarning, warningReport } from './warnings';
import { BakeFile, BakeOptions } from '../bake/bake-file';
import { ImagesWorkflow } from '../ci/images-workflow';
import { ImagesWorkflowOptions } from '../ci/images-workflow-options';
import { Compliance, ComplianceOptions } from '../compliance/compliance';
import { ComposeFiles, ComposeOptions } from '../compose/compose-files';
import { ILucidApp } from '../core/app';
import { appOf, LUCID_APP, warn, WARNING_METADATA } from '../core/app-of';
import { formatProblem, outdirOutsideProject, problemOf, SynthesisError } from '../core/errors';
import { duplicateFilePaths, isGeneratedFile } from '../core/generated-file';
import { requirePath } from '../core/path-grammar';
import { findAll, withTreeIndex } from '../core/tree-index';
import { StackOverview, StackOverviewOptions } from '../overview/stack-overview';


/**
 * Properties of a Lucid app.
 */
export interface LucidAppProps {
  /**
   * The folder, relative to the projen project's root, that receives every generated file of this app.
   * @default '.'
   */
  readonly outdir?: string;

  /**
   * The stack's name: the compose project name and the title of generated docs.
   * Lower case letters, digits, dashes and underscores.
   * @default 'lucid'
   */
  readonly name?: string;

  /**
   * The registry namespace images are tagged with (the `REGISTRY` bake variable's default).
   * @default 'pickme'
   */
  readonly registry?: string;

  /**
   * The tag images are tagged with (the `TAG` bake variable's default).
   * @default 'latest'
   */
  readonly tag?: string;

  /**
   * Platforms every image is built for.
   * @default ['linux/amd64', 'linux/arm64']
   */
  readonly platforms?: string[];

  /**
   * The `maintainer` label of every image.
   * @default 'Lucid Development Team'
   */
  readonly maintainer?: string;

  /**
   * A date (`YYYY-MM-DD`) against which runtime support windows are judged. Output never depends on the clock:
   * without a date, only a runtime family's published status (deprecated, removed) counts.
   * @default - no date
   */
  readonly asOf?: string;

  /**
   * Options of the generated compose files.
   * @default - `docker-compose.yml` and `docker-compose.base.yml` with default options
   */
  readonly compose?: ComposeOptions;

  /**
   * The compliance checks applied at every synthesis, and the report's file name.
   * @default - the LucidStrict pack, report in `COMPLIANCE.md`
   */
  readonly compliance?: ComplianceOptions;

  /**
   * Options of the generated bake file.
   * @default - `docker-bake.hcl` with default options
   */
  readonly bake?: BakeOptions;

  /**
   * Options of the generated GitHub Actions workflow that builds, tests and publishes the images.
   * @default - `.github/workflows/images.yml` in the app's folder, publishing to ghcr.io from `main` and `v*` tags
   */
  readonly workflows?: ImagesWorkflowOptions;

  /**
   * Options of the generated stack overview (Mermaid diagrams of planes, layers, build and runtime graphs).
   * @default - `STACK.md` in the app's folder
   */
  readonly overview?: StackOverviewOptions;
}

/**
 * The root of a Lucid stack: base images and services declared under it are synthesized into Dockerfiles,
 * `.dockerignore` files, a bake file, compose files and docs inside `outdir`.
 *
 * Before any file is written, the whole tree is validated and every file rendered: on any error, synthesis
 * stops with every problem listed, each with the construct path, and nothing is written.
 */
export class LucidApp extends Component implements ILucidApp {
  /** Whether `x` is a LucidApp (works across copies of this library). */
  public static isLucidApp(x: any): x is LucidApp {
    return x !== null && typeof x === 'object' && LUCID_APP in x;
  }

  /** The LucidApp that `construct` belongs to. */
  public static of(construct: IConstruct): LucidApp {
    return appOf(construct) as LucidApp;
  }

  /**
   * Records a warning on a construct. Warnings are printed at synthesis and do not stop it.
   */
  public static warn(construct: IConstruct, message: string): void {
    warn(construct, message);
  }

  /** The folder, relative to the project root, of this app's generated files. */
  public readonly outdir: string;
  /** The stack's name. */
  public readonly name: string;
  /** The default registry namespace. */
  public readonly registry: string;
  /** The default image tag. */
  public readonly tag: string;
  /** The platforms images are built for. */
  public readonly platforms: string[];
  /** The `maintainer` label. */
  public readonly maintainer: string;
  /** The date support windows are judged against, if any. */
  public readonly asOf?: string;
  /** The compliance checks: rule packs, suppressions, report. */
  public readonly compliance: Compliance;
  /**
   * The compose files: `compose.file` (`docker-compose.yml`) and `compose.baseFile` (`docker-compose.base.yml`)
   * take overrides.
   */
  public readonly compose: ComposeFiles;
  /** The GitHub Actions workflow that builds, tests and publishes the images, whose `file` takes overrides. */
  public readonly workflows: ImagesWorkflow;
  /** The stack overview, `STACK.md`; undefined when `overview.enabled` is false. */
  public readonly overview?: StackOverview;

  /**
   * @param scope the projen project that writes the files
   * @param id the construct id
   * @param props its properties
   */
  constructor(scope: Project, id: string, props: LucidAppProps = {}) {
    super(scope, id);
    Object.defineProperty(this, LUCID_APP, { value: true });
    this.outdir = path.posix.normalize(props.outdir ?? '.');
    this.name = props.name ?? 'lucid';
    this.registry = props.registry ?? 'pickme';
    this.tag = props.tag ?? 'latest';
    this.platforms = props.platforms ?? ['linux/amd64', 'linux/arm64'];
    this.maintainer = props.maintainer ?? 'Lucid Development Team';
    this.asOf = props.asOf;

    if (this.outdir.startsWith('..') || path.posix.isAbsolute(this.outdir)) {
      throw outdirOutsideProject(this.node.path, props.outdir);
    }
    requirePath(this.node.path, 'outdir', props.outdir ?? '.', { allowDot: true });
    this.node.addValidation({ validate: () => [...this.validateProps(), ...duplicateFilePaths(this)] });

    // Emitters over the whole tree: they render lazily, so images and services added later appear.
    new BakeFile(this, 'Bake', props.bake);
    this.compose = new ComposeFiles(this, 'Compose', props.compose);
    this.workflows = new ImagesWorkflow(this, 'Workflows', props.workflows);
    this.compliance = new Compliance(this, 'Compliance', props.compliance);
    this.overview = props.overview?.enabled === false ? undefined : new StackOverview(this, 'Overview', props.overview);
  }

  /** A path inside this app's folder, relative to the project root. */
  public filePath(relative: string): string {
    return this.outdir === '.' ? path.posix.normalize(relative) : path.posix.join(this.outdir, relative);
  }

  /**
   * Validates every construct of the app and returns every problem, each prefixed with its construct path.
   */
  public validate(): string[] {
    const errors: string[] = [];
    for (const c of findAll(this)) {
      for (const message of c.node.validate()) {
        errors.push(formatProblem(c.node.path, message));
      }
    }
    return errors;
  }

  /** Every warning recorded under this app, each prefixed with its construct path. */
  public warnings(): string[] {
    return this.constructWarnings().map(w => formatProblem(w.path, w.message));
  }

  private constructWarnings(): ConstructWarning[] {
    const out: ConstructWarning[] = [];
    for (const c of findAll(this)) {
      for (const entry of c.node.metadata) {
        if (entry.type === WARNING_METADATA) {
          out.push({ path: c.node.path, message: String(entry.data) });
        }
      }
    }
    return out;
  }

  /**
   * Validates the whole tree and renders every file before projen writes anything (called by projen).
   */
  public preSynthesize(): void {
    // The tree is complete now: every lookup over it is computed once for this synthesis.
    withTreeIndex(this, () => this.checkAndRender());
  }

  private checkAndRender(): void {
    const errors = this.validate();
    if (errors.length > 0) {
      throw new SynthesisError(errors);
    }
    // Compliance runs on a valid tree only: its rules read the model, which validation vouches for.
    const compliance = this.compliance._check();
    const violations = compliance.errors.map(f => Compliance.format(f));
    if (violations.length > 0) {
      throw new SynthesisError(violations);
    }
    const renderErrors: string[] = [];
    for (const c of findAll(this)) {
      if (isGeneratedFile(c)) {
        try {
          c.prepare();
        } catch (e: any) {
          renderErrors.push(problemOf(c.node.path, e));
        }
      }
    }
    if (renderErrors.length > 0) {
      throw new SynthesisError(renderErrors);
    }
    for (const line of warningReport(this.node.path, compliance.warnings, compliance.unusedSuppressions, this.constructWarnings())) {
      this.project.logger.warn(line);
    }
  }

  private validateProps(): string[] {
    const errors: string[] = [];
    if (!/^[a-z0-9][a-z0-9_-]*$/.test(this.name)) {
      errors.push(`name "${this.name}" is not a valid compose project name: use lower case letters, digits, "-" and "_"`);
    }
    if (!/^[a-z0-9]+([._-][a-z0-9]+)*(\/[a-z0-9]+([._-][a-z0-9]+)*)*$/.test(this.registry) &&
        !/^[a-zA-Z0-9.-]+(:[0-9]+)?(\/[a-z0-9]+([._-][a-z0-9]+)*)*$/.test(this.registry)) {
      errors.push(`registry "${this.registry}" is not a valid registry namespace (e.g. "pickme" or "ghcr.io/lucid")`);
    }
    if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(this.tag)) {
      errors.push(`tag "${this.tag}" is not a valid image tag: up to 128 letters, digits, "_", "." and "-", not starting with "." or "-"`);
    }
    for (const p of this.platforms) {
      if (!/^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/.test(p)) {
        errors.push(`platform "${p}" is not of the form os/arch[/variant], e.g. linux/arm64`);
      }
    }
    if (this.asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(this.asOf)) {
      errors.push(`asOf "${this.asOf}" must be a date written YYYY-MM-DD`);
    }
    return errors;
  }
}
