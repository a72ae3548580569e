import * as fs from 'fs';
import { invalidImageLock } from './errors';

/** The environment variable that names another lock file for one synthesis (e.g. a copy with other digests). */
export const IMAGE_LOCK_ENV = 'LUCID_IMAGE_LOCK';
/** The lock's file name in the app's folder, unless the app names another. */
export const DEFAULT_IMAGE_LOCK_FILE = 'images.lock.json';
/** The task that rewrites the lock, as warnings name it. */
export const PIN_TASK = 'npx projen pin';

/**
 * One image of the lock: an external image the app references by `name:tag`, and the digest it is pinned to.
 */
export interface ImageLockEntry {
  /** The image's name as the app writes it, without tag: `gcr.io/distroless/static-debian13`, `debian`. */
  readonly name: string;
  /** Its tag: `nonroot`, `13-slim`. */
  readonly tag: string;
  /** The multi-platform index digest of `name:tag`, `sha256:` and 64 lower-case hex digits. */
  readonly digest: string;
}

const NAME = /^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(\/[a-z0-9]+([._-]+[a-z0-9]+)*)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;

/**
 * The digest lock of an app: for every external image it references (the runtimes and builders its Dockerfiles
 * are built FROM, the images its compose file runs), the multi-platform index digest of the `name:tag` it
 * names. Synthesis writes `name:tag@sha256:…` wherever the app writes `name:tag`; images of the app itself are
 * never in it.
 *
 * The file is JSON with one entry per line, sorted by name and tag, so that a Renovate `customManagers` regex
 * can update a digest in place (docs/image-lock.md has the snippet). `npx projen pin` rewrites it.
 */
export class ImageLock {
  /**
   * A lock of these entries (sorted by name and tag).
   * @param entries the images and their digests
   * @throws Error when an entry is invalid or an image is in it twice
   */
  public static fromEntries(entries: ImageLockEntry[], source: string = 'entries'): ImageLock {
    return new ImageLock(entries, source);
  }

  /**
   * The lock a lock file's text holds.
   * @param text the file's text, as `render()` writes it
   * @param source how errors name it, e.g. its path
   * @throws Error when it is not a lock's JSON or an entry is invalid
   */
  public static parse(text: string, source: string = 'text'): ImageLock {
    let json: any;
    try {
      json = JSON.parse(text);
    } catch (e: any) {
      throw invalidImageLock(source, [`it is not JSON: ${e.message}`]);
    }
    if (json === null || typeof json !== 'object' || !Array.isArray(json.images)) {
      throw invalidImageLock(source, ['it has no "images" list: write { "images": [ { "name": …, "tag": …, "digest": … } ] }']);
    }
    return new ImageLock(json.images, source);
  }

  /**
   * The lock in `file`; an empty lock (every image unpinned) when the file does not exist.
   * @param file the lock file's path
   * @throws Error when the file holds an invalid lock
   */
  public static load(file: string): ImageLock {
    if (!fs.existsSync(file)) {
      return new ImageLock([], file, file);
    }
    const lock = ImageLock.parse(fs.readFileSync(file, 'utf-8'), file);
    return new ImageLock(lock.entries, file, file);
  }

  /** The entries, sorted by name and tag. */
  public readonly entries: ImageLockEntry[];
  /**
   * The file the lock was loaded from.
   * @default - not loaded from a file
   */
  public readonly file?: string;

  private readonly byReference = new Map<string, string>();

  private constructor(entries: readonly any[], source: string, file?: string) {
    const problems: string[] = [];
    const out: ImageLockEntry[] = [];
    entries.forEach((e, i) => {
      const where = `entry ${i + 1}`;
      if (e === null || typeof e !== 'object') {
        problems.push(`${where}: is not an object { "name", "tag", "digest" }`);
        return;
      }
      const before = problems.length;
      if (typeof e.name !== 'string' || !NAME.test(e.name)) {
        problems.push(`${where}: name ${JSON.stringify(e.name)} is not an image name without tag (e.g. "gcr.io/distroless/static-debian13")`);
      }
      if (typeof e.tag !== 'string' || !TAG.test(e.tag)) {
        problems.push(`${where}: tag ${JSON.stringify(e.tag)} is not an image tag (e.g. "nonroot")`);
      }
      if (typeof e.digest !== 'string' || !DIGEST.test(e.digest)) {
        problems.push(`${where}: digest ${JSON.stringify(e.digest)} must be sha256: and 64 lower-case hex digits (copy it from docker buildx imagetools inspect)`);
      }
      if (problems.length > before) {
        return;
      }
      const ref = `${e.name}:${e.tag}`;
      if (this.byReference.has(ref)) {
        problems.push(`${where}: ${ref} is locked twice: keep one entry`);
        return;
      }
      this.byReference.set(ref, e.digest);
      out.push({ name: e.name, tag: e.tag, digest: e.digest });
    });
    if (problems.length > 0) {
      throw invalidImageLock(source, problems);
    }
    this.entries = out.sort((a, b) => compare(a.name, b.name) || compare(a.tag, b.tag));
    this.file = file;
  }

  /**
   * The digest `reference` (`name:tag`, exactly as the app writes it) is locked to.
   * @param reference an image reference without digest
   * @returns the digest, or undefined when the image is not in the lock (or `reference` has a digest already)
   */
  public digestOf(reference: string): string | undefined {
    return reference.includes('@') ? undefined : this.byReference.get(reference);
  }

  /**
   * `reference` pinned to its locked digest (`name:tag@sha256:…`), or `reference` itself when it is not locked.
   * @param reference an image reference
   */
  public pin(reference: string): string {
    const digest = this.digestOf(reference);
    return digest === undefined ? reference : `${reference}@${digest}`;
  }

  /**
   * The lock file's text: JSON, one entry per line in a stable key order (name, tag, digest), sorted, ending
   * with a newline.
   */
  public render(): string {
    const lines = this.entries.map(e =>
      `    { "name": ${JSON.stringify(e.name)}, "tag": ${JSON.stringify(e.tag)}, "digest": ${JSON.stringify(e.digest)} }`);
    return [
      '{',
      `  "//": ${JSON.stringify(`Digests of the external images of this app. Rewrite with \`${PIN_TASK}\`; Renovate updates the digests (docs/image-lock.md).`)},`,
      lines.length === 0 ? '  "images": []' : `  "images": [\n${lines.join(',\n')}\n  ]`,
      '}',
      '',
    ].join('\n');
  }

  /**
   * Writes `render()` to `file` (what `npx projen pin` does; the lock is an input of synthesis, not a generated
   * file, so Renovate and the pin task may edit it).
   * @param file the path to write
   */
  public save(file: string): void {
    fs.writeFileSync(file, this.render());
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Splits a reference without digest into name and tag at the tag's colon (the last colon after the last slash).
 * @internal
 */
export function splitNameTag(reference: string): { name: string; tag?: string } {
  const slash = reference.lastIndexOf('/');
  const colon = reference.lastIndexOf(':');
  return colon > slash ? { name: reference.slice(0, colon), tag: reference.slice(colon + 1) } : { name: reference };
}
