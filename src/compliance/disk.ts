// What the rules read of the disk: an image's build context, and the files the app generates into it.

import * as fs from 'fs';
import * as path from 'path';
import { IConstruct } from 'constructs';
import { findAll, memo } from '../core/tree-index';
import type { LucidImage } from '../images/lucid-image';

/** An image's build context on disk, and as findings name it (relative to the project root). */
export interface ContextDirectory {
  /** The absolute path, to read the disk with; never shown (output has no absolute paths). */
  readonly absolute: string;
  /** The path relative to the project root, e.g. `examples/lucid/apps/api-gateway`. */
  readonly shown: string;
}

/** Where an image's build context is: `<project outdir>/<app outdir>/<image directory>`. */
export function contextDirectory(image: LucidImage): ContextDirectory {
  return {
    absolute: path.join(image.app.project.outdir, image.app.outdir, image.directory),
    shown: image.app.filePath(image.directory),
  };
}

/** Whether a directory exists (false when it cannot be read). */
export function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    return false;
  }
}

/**
 * The paths, relative to `dir`, of the files the app generates inside it (projen file components under the app,
 * such as a Java base image's `.lucid/HealthCheck.java`): they exist once the app is synthesized.
 */
export function generatedFiles(app: IConstruct, dir: string): string[] {
  // Every generated file's absolute path, sorted once per synthesis; a folder's files are then one range of it.
  const all = memo(app, 'generatedFiles', () => findAll(app)
    .filter(c => typeof (c as { absolutePath?: unknown }).absolutePath === 'string' && typeof (c as { path?: unknown }).path === 'string')
    .map(c => (c as unknown as { absolutePath: string }).absolutePath)
    .sort());
  const prefix = path.resolve(dir) + path.sep;
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (all[mid] < prefix) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  const out: string[] = [];
  for (let i = lo; i < all.length && all[i].startsWith(prefix); i++) {
    out.push(all[i].slice(prefix.length).split(path.sep).join('/'));
  }
  return out.sort();
}
