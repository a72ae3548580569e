import { IConstruct } from 'constructs';
import { FileBase, IResolver } from 'projen';
import { LUCID_APP } from './app-of';
import { memo } from './tree-index';

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
  private readonly renderFn: (header: string[]) => string;
  private rendered?: string;
  private preparedMarker?: string | null;

  constructor(scope: IConstruct, filePath: string, options: GeneratedFileOptions) {
    super(scope, filePath, { committed: true, readonly: true, editGitignore: true });
    this.renderFn = options.render;
  }

  /**
   * Renders the content now and keeps it for `synthesizeContent`, so that every file of an app is rendered
   * (and can fail) before projen writes any of them.
   */
  public prepare(): void {
    // projen computes the marker by searching the whole project for its projenrc component: once per synthesis
    // for all files, not once per file (and again when projen checks the file after writing it).
    const app = this.node.scopes.slice().reverse().find(s => LUCID_APP in s) ?? this;
    this.preparedMarker = memo(app, 'projen-marker', () => super.marker ?? null);
    this.rendered = this.renderFn(this.marker ? [this.marker] : []);
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

/** @internal */
export function isGeneratedFile(x: IConstruct): x is GeneratedFile {
  return x instanceof GeneratedFile;
}
