import * as path from 'path';
import { IConstruct } from 'constructs';
import { Component, Project } from 'projen';
import { IDigestResolver } from './digest-resolver';
import { ConstructWarning, warningReport } from './warnings';
import { BakeFile, BakeOptions } from '../bake/bake-file';
import { ImagesWorkflow } from '../ci/images-workflow';
import { ImagesWorkflowOptions } from '../ci/images-workflow-options';
import { Compliance, ComplianceOptions } from '../compliance/compliance';
import { pulledImages } from '../compliance/rule-targets';
import { ComposeFiles, ComposeOptions } from '../compose/compose-files';
import { ILucidApp } from '../core/app';
import { appOf, LUCID_APP, warn, WARNING_METADATA } from '../core/app-of';
import { formatProblem, outdirOutsideProject, pinFailed, problemOf, SynthesisError } from '../core/errors';
import { duplicateFilePaths, isGeneratedFile } from '../core/generated-file';
import { DEFAULT_IMAGE_LOCK_FILE, IMAGE_LOCK_ENV, ImageLock, ImageLockEntry, splitNameTag } from '../core/image-lock';
import { requirePath } from '../core/path-grammar';
import { findAll, withTreeIndex } from '../core/tree-index';
import { parseRef } from '../dockerfile/image-reference-facts';
import { StackOverview, StackOverviewOptions } from '../overview/stack-overview';

/** The platforms an app may build for: those Debian releases its images for (distroless follows Debian). */
const PLATFORMS = ['linux/amd64', 'linux/arm64', 'linux/arm/v7', 'linux/arm/v5', 'linux/386', 'linux/ppc64le', 'linux/s390x', 'linux/riscv64'];

/**
 * Options of an app's image lock.
 */
export interface ImageLockOptions {
  /**
   * The lock file, relative to the app's folder. `$LUCID_IMAGE_LOCK`, when set, names another file for one run
   * (relative to the working directory): a copy with other digests, e.g. those of the end-to-end suite's
   * stand-ins, without editing the committed lock.
   * @default 'images.lock.json'
   */
  readonly file?: string;
}

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

  /**
   * A digest lock for the app's external images (runtimes, builders, foundation services' images): every file
   * writes `name:tag@sha256:…` for each image in it, so LUCID-IMG5 passes from the lock; an image missing from
   * it is a LUCID-IMG5 warning that names `npx projen pin`, which rewrites the lock.
   * @default - no lock: images are written as the app names them
   */
  readonly imageLock?: ImageLockOptions;
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
  /** The constructs that write the app's files from its tree (their problems are derived ones). */
  private readonly outputs: IConstruct[];
  /** The stack overview, `STACK.md`; undefined when `overview.enabled` is false. */
  public readonly overview?: StackOverview;
  /**
   * The absolute path of the lock file: the app's `imageLock.file`, or `$LUCID_IMAGE_LOCK` when set.
   * @default - no lock
   */
  public readonly imageLockFile?: string;
  private lockRead?: { lock: ImageLock; problem?: string };

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
    if (props.imageLock) {
      const override = process.env[IMAGE_LOCK_ENV];
      this.imageLockFile = override !== undefined && override.trim() !== ''
        ? path.resolve(override)
        : path.resolve(scope.outdir, this.filePath(props.imageLock.file ?? DEFAULT_IMAGE_LOCK_FILE));
    }
    this.node.addValidation({ validate: () => [...this.validateProps(), ...this.lockProblems(), ...duplicateFilePaths(this)] });

    // Emitters over the whole tree: they render lazily, so images and services added later appear.
    const bake = new BakeFile(this, 'Bake', props.bake);
    this.compose = new ComposeFiles(this, 'Compose', props.compose);
    this.workflows = new ImagesWorkflow(this, 'Workflows', props.workflows);
    this.compliance = new Compliance(this, 'Compliance', props.compliance);
    this.overview = props.overview?.enabled === false ? undefined : new StackOverview(this, 'Overview', props.overview);
    this.outputs = [bake, this.compose, this.workflows, this.compliance, ...(this.overview ? [this.overview] : [])];
  }

  /**
   * The digest lock of the app's external images, read from `imageLockFile` when first asked for (at synthesis),
   * so that a lock written after the app was declared counts. Empty when the file does not exist.
   * @default - no lock
   */
  public get imageLock(): ImageLock | undefined {
    return this.readLock()?.lock;
  }

  private readLock(): { lock: ImageLock; problem?: string } | undefined {
    if (this.imageLockFile === undefined) {
      return undefined;
    }
    if (!this.lockRead) {
      try {
        this.lockRead = { lock: ImageLock.load(this.imageLockFile) };
      } catch (e: any) {
        // Reported by validation, with the app's path, before anything is written.
        this.lockRead = { lock: ImageLock.fromEntries([]), problem: e.message };
      }
    }
    return this.lockRead;
  }

  private lockProblems(): string[] {
    const problem = this.readLock()?.problem;
    return problem === undefined ? [] : [problem];
  }

  /** A path inside this app's folder, relative to the project root. */
  public filePath(relative: string): string {
    return this.outdir === '.' ? path.posix.normalize(relative) : path.posix.join(this.outdir, relative);
  }

  /**
   * A lock of every external image the app references by `name:tag` (FROM and `COPY --from` images of its
   * Dockerfiles, its foundation services' images; not images of the app, nor references written with a digest),
   * each with the digest `resolver` gives, sorted. What `npx projen pin` writes to `imageLockFile`.
   * @param resolver finds each image's index digest, e.g. `new ImagetoolsResolver()`
   * @throws Error listing every image whose digest could not be resolved
   */
  public pinImages(resolver: IDigestResolver): ImageLock {
    const references = withTreeIndex(this, () => {
      const out = new Set<string>();
      for (const c of findAll(this)) {
        for (const image of pulledImages(c) ?? []) {
          const ref = parseRef(image.written);
          if (ref && ref.digest === undefined && ref.tag !== undefined) {
            out.add(image.written);
          }
        }
      }
      return [...out].sort();
    });
    const entries: ImageLockEntry[] = [];
    const problems: string[] = [];
    for (const reference of references) {
      try {
        const { name, tag } = splitNameTag(reference);
        const digest = resolver.resolveDigest(reference);
        if (!/^sha256:[a-f0-9]{64}$/.test(digest)) {
          problems.push(`${reference}: the resolver gave ${JSON.stringify(digest)}, not an index digest sha256:<64 hex digits>`);
          continue;
        }
        entries.push({ name, tag: tag!, digest });
      } catch (e: any) {
        problems.push(`${reference}: ${String(e?.message ?? e).trim()}`);
      }
    }
    // Reading the images read the lock: read it again when next asked for, so that a lock saved now counts.
    this.lockRead = undefined;
    if (problems.length > 0) {
      throw pinFailed(problems);
    }
    return ImageLock.fromEntries(entries, 'the resolved digests');
  }

  /**
   * Validates every construct of the app and returns its problems, each prefixed with its construct path.
   *
   * While a construct of the app (an image, a service, an option of the app) has a problem, the problems that
   * the generated files (bake, compose, workflows, report, overview) find in what they derive from it are left
   * out: they repeat it under a file's path; any that remain are reported once the constructs have none. So are
   * the problems of the constructs inside an image or service that has problems of its own (its Dockerfile,
   * its stages).
   */
  public validate(): string[] {
    const own: string[] = [];
    const derived: string[] = [];
    const outputs = new Set<IConstruct>(this.outputs);
    const failed = new Set<IConstruct>();
    for (const c of findAll(this)) {
      const messages = c.node.validate();
      if (messages.length === 0) {
        continue;
      }
      failed.add(c);
      // Below the app, a construct inside one that has problems (an image's Dockerfile and its stages) mostly
      // repeats them in its own words: it is left out until the enclosing construct is fixed.
      const scopes = c.node.scopes;
      if (scopes.slice(scopes.indexOf(this) + 1, -1).some(s => failed.has(s))) {
        continue;
      }
      const list = scopes.some(s => outputs.has(s)) ? derived : own;
      list.push(...messages.map(message => formatProblem(c.node.path, message)));
    }
    // What lies between constructs (one compose service, secret or host port claimed twice) names the construct.
    own.push(...this.compose._constructProblems().map(e => e.message));
    return own.length > 0 ? own : derived;
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
      } else if (!PLATFORMS.includes(p)) {
        errors.push(`platform "${p}" is not one Debian builds its images for: use ${PLATFORMS.join(', ')}`);
      }
    }
    if (new Set(this.platforms).size !== this.platforms.length) {
      errors.push(`platforms ${JSON.stringify(this.platforms)} name a platform twice: name each once`);
    }
    // eslint-disable-next-line no-control-regex
    if (this.maintainer.trim() === '' || /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/.test(this.maintainer)) {
      errors.push(`maintainer ${JSON.stringify(this.maintainer)} must be one line of printable text, e.g. "Lucid Development Team <dev@lucid.example>"`);
    }
    if (this.asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(this.asOf)) {
      errors.push(`asOf "${this.asOf}" must be a date written YYYY-MM-DD`);
    }
    return errors;
  }
}
