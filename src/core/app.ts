import { IConstruct } from 'constructs';
import { Project } from 'projen';
import type { ImageLock } from './image-lock';

/**
 * What images, services and emitters read of the app they belong to. `LucidApp` implements it; code below
 * the app types against this interface, so that nothing imports the app that imports it.
 */
export interface ILucidApp extends IConstruct {
  /** The projen project that writes the app's files. */
  readonly project: Project;
  /** The folder, relative to the project root, of the app's generated files. */
  readonly outdir: string;
  /** The stack's name. */
  readonly name: string;
  /** The default registry namespace. */
  readonly registry: string;
  /** The default image tag. */
  readonly tag: string;
  /** The platforms images are built for. */
  readonly platforms: string[];
  /** The `maintainer` label. */
  readonly maintainer: string;
  /**
   * The date support windows are judged against, if any.
   * @default - no date
   */
  readonly asOf?: string;
  /**
   * The digest lock of the app's external images: synthesis writes `name:tag@sha256:…` for every image in it.
   * @default - no lock: images are written as the app names them
   */
  readonly imageLock?: ImageLock;

  /**
   * A path inside the app's folder, relative to the project root.
   * @param relative a path relative to the app's folder
   */
  filePath(relative: string): string;
}
