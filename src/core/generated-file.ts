import { normalize, relative, resolve } from 'path';
import { IConstruct } from 'constructs';
import { FileBase, IResolver, Project } from 'projen';
import { tryAppOf } from './app-of';
import { brand, hasBrand } from './brand';
import { DocumentKind, IDocument, markDocument } from './document';
import { fileAlreadyWritten, invalidGeneratedFile, noRenderer } from './errors';
import { IOverridableFile } from './overridable-file';
import { Overrides } from './overrides';
import { memo } from './tree-index';

const GENERATED_FILE = Symbol.for('lucid-cdk.GeneratedFile');

// projen's FileBase makes sure no two files share a path by searching the whole project tree for one
// (`Project.tryFindFile`) each time a file is created: with every image and service creating files, building an
// app of N services walked the tree N times. lucid-cdk's files check their path against the files lucid-cdk has
// already created (a map per root project), and skip projen's walk for that one lookup; a lucid-cdk file that
// shares its path with another projen file is reported once per synthesis by `duplicateFilePaths`.

const FILE_PATHS = Symbol.for('lucid-cdk.GeneratedFile.paths');
const SKIP_LOOKUP = Symbol.for('lucid-cdk.GeneratedFile.skipLookup');

interface RootWithPaths {
  [FILE_PATHS]?: Map<string, FileBase>;
  [SKIP_LOOKUP]?: string;
}

function filePaths(root: Project): Map<string, FileBase> {
  const r = root as unknown as RootWithPaths;
  let paths = r[FILE_PATHS];
  if (!paths) {
    paths = new Map();
    Object.defineProperty(root, FILE_PATHS, { value: paths });
    const lookup = root.tryFindFile.bind(root);
    Object.defineProperty(root, 'tryFindFile', {
      configurable: true,
      writable: true,
      value: (filePath: string) => {
        if (r[SKIP_LOOKUP] !== undefined && r[SKIP_LOOKUP] === filePath) {
          r[SKIP_LOOKUP] = undefined;
          return undefined;
        }
        return lookup(filePath);
      },
    });
  }
  return paths;
}

/** Checks that no lucid-cdk file of the project has `filePath` yet, and lets projen skip its own search once. */
function claimPath(scope: IConstruct, filePath: string): string {
  const project = Project.of(scope);
  const root = project.root;
  const absolute = resolve(project.outdir, normalize(filePath));
  const prior = filePaths(root).get(absolute);
  if (prior && prior.node.scope?.node.tryFindChild(prior.node.id) === prior) {
    throw fileAlreadyWritten(ownerOf(scope), relative(root.outdir, absolute), ownerPath(prior));
  }
  (root as unknown as RootWithPaths)[SKIP_LOOKUP] = absolute;
  return filePath;
}

/** The path of the construct a new file under `scope` belongs to: the image or service it is part of. */
function ownerOf(scope: IConstruct): string {
  // A Dockerfile's files sit under the image's Dockerfile construct; name the image the user wrote.
  return scope.node.id === 'Dockerfile' && scope.node.scope ? scope.node.scope.node.path : scope.node.path;
}

/** The path of the construct a lucid-cdk file belongs to (an image, a service, an emitter). */
function ownerPath(file: FileBase): string {
  return file.node.scope?.node.path ?? file.node.path;
}

/**
 * The paths written both by a lucid-cdk file under `scope` and by another file of the same projen project, with
 * the construct path of each: one walk of the project's tree. @internal
 */
export function duplicateFilePaths(scope: IConstruct): string[] {
  const root = Project.of(scope).root;
  const paths = filePaths(root);
  const problems: string[] = [];
  for (const c of root.node.findAll()) {
    if (c instanceof FileBase) {
      const ours = paths.get(c.absolutePath);
      if (ours && ours !== c && ours.node.scopes.includes(scope)) {
        problems.push(`${relative(root.outdir, c.absolutePath)} is written both by ${ownerPath(ours)} and by ${c.node.path}: ` +
          'give one of them another path, or remove the other file (project.tryRemoveFile)');
      }
    }
  }
  return problems;
}

/**
 * Options for a generated text file.
 * @internal
 */
export interface GeneratedFileOptions {
  /** Renders the whole file content from the header comment lines (the generated-file marker). */
  readonly render: (header: string[]) => string;
}

/**
 * A text file whose content is rendered lazily at synthesis, so changes made to the construct tree after
 * construction appear. Written through projen: read-only, marked as generated, tracked for stale-file removal.
 * @internal
 */
export class GeneratedFile extends FileBase {
  private readonly renderFn?: (header: string[]) => string;
  private rendered?: string;
  private preparedMarker?: string | null;

  constructor(scope: IConstruct, filePath: string, options?: GeneratedFileOptions) {
    super(scope, claimPath(scope, filePath), { committed: true, readonly: true, editGitignore: true });
    brand(this, GENERATED_FILE);
    filePaths(this.project.root).set(this.absolutePath, this);
    this.renderFn = options?.render;
  }

  /**
   * Renders the content now and keeps it for `synthesizeContent`, so that every file of an app is rendered
   * (and can fail) before projen writes any of them.
   */
  public prepare(): void {
    // projen computes the marker by searching the whole project for its projenrc component: once per synthesis
    // for all files, not once per file (and again when projen checks the file after writing it).
    this.preparedMarker = memo(appRootOf(this), 'projen-marker', () => super.marker ?? null);
    this.rendered = this.renderContent(this.marker ? [this.marker] : []);
  }

  /** The file's content, from the header comment lines. */
  protected renderContent(header: string[]): string {
    if (!this.renderFn) {
      throw noRenderer(this.path);
    }
    return this.renderFn(header);
  }

  public get marker(): string | undefined {
    return this.preparedMarker !== undefined ? this.preparedMarker ?? undefined : super.marker;
  }

  protected synthesizeContent(_resolver: IResolver): string | undefined {
    if (this.rendered === undefined) {
      this.prepare();
    }
    return this.rendered;
  }
}

/**
 * Options for a generated file rendered from an object (YAML or JSON), which users can override.
 * @internal
 */
export interface GeneratedObjectFileOptions {
  /** Computes the file's object from the construct tree (called at every validation and rendering). */
  readonly object: () => unknown;
  /**
   * The problems of the object, after overrides; `overridden` tells whether any override was added, so that a
   * file can check its model as it always did when there is none.
   */
  readonly validate?: (object: any, overridden: boolean) => string[];
  /** Renders the object (after overrides, once it is valid) with the header comment lines. */
  readonly render: (object: any, header: string[]) => string;
}

/**
 * A generated file rendered from an object, with projen-style overrides applied before validation and
 * rendering. Its validation runs with the app's (problems are prefixed with this file's construct path), and
 * rendering refuses an invalid object, so a file is never written from one.
 * @internal
 */
export class GeneratedObjectFile extends GeneratedFile implements IOverridableFile {
  private readonly options: GeneratedObjectFileOptions;
  private readonly overrides = new Overrides();

  constructor(scope: IConstruct, filePath: string, options: GeneratedObjectFileOptions) {
    super(scope, filePath);
    this.options = options;
    this.node.addValidation({ validate: () => this.validationProblems() });
  }

  public addOverride(path: string, value: any): void {
    this.overrides.set(path, value);
  }

  public addDeletionOverride(path: string): void {
    this.overrides.delete(path);
  }

  /** The object the file is rendered from: computed, then overridden. */
  public resolveObject(): any {
    return this.overrides.apply(this.options.object()).object;
  }

  protected renderContent(header: string[]): string {
    const { object, problems } = this.check();
    if (problems.length > 0) {
      throw invalidGeneratedFile(this.path, problems);
    }
    return this.options.render(object, header);
  }

  /**
   * The problems of the overridden object. When the object cannot even be computed (a broken tree), the tree's
   * own validation reports the cause; what remains is reported when the file is rendered, with its path.
   */
  private validationProblems(): string[] {
    try {
      return this.check().problems;
    } catch {
      return [];
    }
  }

  /** The overridden object, as it is validated and rendered (computed once per synthesis). */
  protected checkedObject(): any {
    return this.check().object;
  }

  /** The overridden object and its problems: computed once per synthesis (validation and rendering share it). */
  private check(): { object: any; problems: string[] } {
    return memo(appRootOf(this), `object-file:${this.node.path}`, () => this.computeCheck());
  }

  private computeCheck(): { object: any; problems: string[] } {
    const { object, problems } = this.overrides.apply(this.options.object());
    if (problems.length > 0) {
      return { object, problems };
    }
    return { object, problems: this.options.validate?.(object, !this.overrides.isEmpty) ?? [] };
  }
}

/**
 * A generated compose file or workflow: an object file that the compliance rules also judge from its object
 * (after overrides), as they judge a hand-written file of its kind.
 * @internal
 */
export class GeneratedDocument extends GeneratedObjectFile implements IDocument {
  public readonly documentKind: DocumentKind;
  public readonly generated = true;

  constructor(scope: IConstruct, filePath: string, kind: DocumentKind, options: GeneratedObjectFileOptions) {
    super(scope, filePath, options);
    this.documentKind = kind;
    markDocument(this);
  }

  public get documentPath(): string {
    return this.path;
  }

  public documentObject(): any {
    return this.checkedObject();
  }
}

/** The LucidApp a file belongs to (the root of the synthesis's tree index), or the file itself. */
function appRootOf(file: IConstruct): IConstruct {
  return tryAppOf(file) ?? file;
}

/** Whether `x` is a GeneratedFile (works across copies of this library). @internal */
export function isGeneratedFile(x: IConstruct): x is GeneratedFile {
  return hasBrand(x, GENERATED_FILE);
}
