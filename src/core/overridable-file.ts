import { IConstruct } from 'constructs';

// The public face of the escape hatch; the implementation is in overrides.ts.

/**
 * A generated YAML or JSON file whose content can be adjusted before it is validated and written: the escape
 * hatch for what lucid-cdk's options do not cover.
 *
 * Overrides are applied to the object the file is rendered from, after lucid-cdk has computed it from the
 * construct tree and before it is validated, escaped and written; a file that an override makes invalid stops
 * synthesis with an error naming this file's construct path, and nothing is written.
 *
 * @see https://projen.io/docs/concepts/escape-hatches
 */
export interface IOverridableFile extends IConstruct {
  /** The file's path, relative to the project root. */
  readonly path: string;

  /**
   * Sets a value in the file's object, replacing what lucid-cdk computed there.
   *
   * The path is dotted, as in projen's `ObjectFile.addOverride`: `services.api.mem_limit`. Write `\.` for a dot
   * inside a key (`services.api.labels.org\.lucid\.team`). Missing intermediate objects are created; an object
   * value is merged into an object already at the path. A numeric segment addresses an element of a list that is
   * already there (`jobs.lint.steps.0.name`); the list's length as index appends. Values are plain data (strings,
   * numbers, booleans, lists and maps) and are written as data: they are escaped like every other value of the
   * file (a `$` in a compose value is written `$$`, so compose reads a literal `$`).
   *
   * @param path the dotted path of the value
   * @param value the value to write there
   */
  addOverride(path: string, value: any): void;

  /**
   * Removes a key (or a list element, with a numeric last segment) from the file's object. Nothing happens when
   * the path does not exist.
   *
   * @param path the dotted path of the value to remove, as for `addOverride`
   */
  addDeletionOverride(path: string): void;
}
