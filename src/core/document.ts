import { IConstruct } from 'constructs';
import { brand, hasBrand } from './brand';

/**
 * The language of a file the compliance rules judge as a whole, which decides the rules that apply to it.
 */
export enum DocumentKind {
  /** A compose file (the compose specification). */
  COMPOSE = 'compose',
  /** A GitHub Actions workflow. */
  WORKFLOW = 'workflow',
  /**
   * A Dockerfile. A hand-written one is read into the Dockerfile model, whose stages the image rules judge as
   * they judge the stages lucid-cdk writes.
   */
  DOCKERFILE = 'dockerfile',
}

/**
 * A file the compliance rules judge from its content: a compose file or a workflow that the app writes, or one
 * that a repository keeps by hand (`HandWrittenFile`). The rules read the file's object as its consumer reads
 * it, so a generated file and a hand-written one are held to the same rules.
 */
export interface IDocument extends IConstruct {
  /** The file's language. */
  readonly documentKind: DocumentKind;
  /** The file's path, relative to the project root. */
  readonly documentPath: string;
  /** Whether the app writes the file (false: a file kept by hand, read from disk). */
  readonly generated: boolean;

  /**
   * The file's content as a plain object (after overrides, for a generated file), as its consumer reads it; for
   * a Dockerfile, `{}` (its rules read the stages of the model instead).
   */
  documentObject(): any;
}

const DOCUMENT = Symbol.for('lucid-cdk.IDocument');

/**
 * Marks `x` as a document, for `isDocument()`.
 * @internal
 */
export function markDocument(x: IDocument): void {
  brand(x, DOCUMENT);
}

/**
 * Whether `x` is a document the rules judge, and of `kind` when given (works across copies of this library).
 * @internal
 */
export function isDocument(x: unknown, kind?: DocumentKind): x is IDocument {
  return hasBrand(x, DOCUMENT) && (kind === undefined || (x as IDocument).documentKind === kind);
}
