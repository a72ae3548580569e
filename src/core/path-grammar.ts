import { invalidPath } from './errors';

// The one grammar of every option that names a file or folder of the project: an app's `outdir`, an image's
// `directory`, the bake and compose `fileName`, a secret's `from`, the build-context sources of COPY. Every
// consumer (projen on disk, bake's `context`, compose's `build.context`, the workflow, BuildKit) must read the
// same path, and nothing may be written when one is refused, so each is checked here before synthesis writes:
//
// - relative, `/`-separated, inside the folder it is relative to: no leading `/`, no `..` or `.` component,
//   no empty component (`a//b`); the whole path may be `.` where the option names a folder;
// - no backslash (projen writes `a\b` as `a/b`), no leading `~` (compose expands it to `$HOME`);
// - no control character (C0, DEL, C1), no line or paragraph separator, no byte-order mark, no unpaired
//   surrogate (written to disk as U+FFFD), and NFC (the text every consumer compares);
// - no leading `<<` (BuildKit reads a COPY source `<<EOF` as a here-document, in either form);
// - no `${{` (the workflow names build contexts and files, and GitHub evaluates `${{ … }}` anywhere in it);
// - each component at most 255 bytes of UTF-8 (the file systems' NAME_MAX), the whole at most 1024.

/** The longest component, in bytes of UTF-8 (NAME_MAX of ext4, xfs, btrfs, APFS). */
export const MAX_COMPONENT_BYTES = 255;
/** The longest path an option may give, in bytes of UTF-8. */
export const MAX_PATH_BYTES = 1024;

/** How a path is checked. @internal */
export interface PathGrammarOptions {
  /** Whether the whole path may be `.` (the folder itself). */
  readonly allowDot?: boolean;
  /** Whether the path may end with one `/` (a folder, in a COPY source). */
  readonly allowTrailingSlash?: boolean;
}

/**
 * What is wrong with `value` as a relative path of the project, with the fix, or undefined when it fits the
 * grammar. The message follows the value in an error: `directory "a\\b" contains a backslash: ...`.
 * @internal
 */
export function pathProblem(value: string, options: PathGrammarOptions = {}): string | undefined {
  if (value === '') {
    return 'is empty: give a relative path such as "apps/web"';
  }
  const bad = badCharacter(value);
  if (bad) {
    return `contains ${bad}: use printable characters only`;
  }
  if (value.normalize('NFC') !== value) {
    return 'is not in Unicode normal form C: write it NFC (value.normalize("NFC")), as the file system and every consumer compare it';
  }
  if (value.includes('\\')) {
    return 'contains a backslash: separate folders with "/"';
  }
  if (value.startsWith('~')) {
    return 'starts with "~", which compose expands to the home folder: give a path relative to the project';
  }
  if (value.startsWith('/')) {
    return 'is absolute: give a path relative to the project, inside its folder';
  }
  if (/^\d*<</.test(value)) {
    return 'starts with "<<", which BuildKit reads as a here-document in COPY, copying nothing: rename it';
  }
  if (value.includes('${{')) {
    return 'contains "${{", which GitHub Actions would evaluate as an expression in the workflow: rename it';
  }
  if (Buffer.byteLength(value) > MAX_PATH_BYTES) {
    return `is longer than ${MAX_PATH_BYTES} bytes: shorten it`;
  }
  if (value === '.' && options.allowDot) {
    return undefined;
  }
  const body = options.allowTrailingSlash && value.endsWith('/') ? value.slice(0, -1) : value;
  for (const part of body.split('/')) {
    if (part === '..') {
      return 'leaves its folder with "..": give a path inside it';
    }
    if (part === '' || part === '.') {
      return 'has an empty or "." component ("a//b", "./a", "a/"): write each folder once, e.g. "apps/web"';
    }
    if (Buffer.byteLength(part) > MAX_COMPONENT_BYTES) {
      return `has a component longer than ${MAX_COMPONENT_BYTES} bytes, which no file system can create: shorten it`;
    }
  }
  return undefined;
}

/** The first character of `value` that no path may hold, described, or undefined. */
function badCharacter(value: string): string | undefined {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
      return `the control character U+${hex(c)}`;
    }
    if (c === 0x2028 || c === 0x2029 || c === 0xfeff) {
      return `U+${hex(c)}`;
    }
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return `an unpaired surrogate U+${hex(c)}`;
    }
    if (c >= 0xdc00 && c <= 0xdfff) {
      return `an unpaired surrogate U+${hex(c)}`;
    }
  }
  return undefined;
}

function hex(c: number): string {
  return c.toString(16).toUpperCase().padStart(4, '0');
}

/**
 * Throws a construct-path error when `value`, the option `option` of the construct at `constructPath`, breaks the
 * path grammar. For options read in a constructor, before any file is registered.
 * @internal
 */
export function requirePath(constructPath: string, option: string, value: string, options: PathGrammarOptions = {}): void {
  const problem = pathProblem(value, options);
  if (problem !== undefined) {
    throw invalidPath(constructPath, option, value, problem);
  }
}

/**
 * The problem of `value`, the option `option`, as a validation message (without the construct path), or none.
 * @internal
 */
export function pathProblems(option: string, value: string, options: PathGrammarOptions = {}): string[] {
  const problem = pathProblem(value, options);
  return problem === undefined ? [] : [invalidPath('', option, value, problem).problem];
}

/**
 * What is wrong with `value` as an absolute path inside a container (a volume's target, a tmpfs), with the fix,
 * or undefined. Compose cleans such paths (`/a//b/` is `/a/b`, `/a/../b` is `/b`), so only a clean path reaches
 * the container as written; `options.noColon` refuses `:`, where docker reads what follows as mount options, and
 * `options.example` is the path the fix suggests (default `/data`).
 * @internal
 */
export function containerPathProblem(value: string, options: { readonly noColon?: boolean; readonly example?: string } = {}): string | undefined {
  const bad = badCharacter(value);
  if (bad) {
    return `contains ${bad}: use printable characters only`;
  }
  if (!value.startsWith('/')) {
    return `must be an absolute path in the container, e.g. ${JSON.stringify(options.example ?? '/data')}`;
  }
  if (value !== '/' && (value.endsWith('/') || value.split('/').slice(1).some(p => p === '' || p === '.' || p === '..'))) {
    return 'is not a clean path (no "//", ".", ".." or trailing "/"), which compose would rewrite: write it as compose reads it, e.g. "/var/lib/data"';
  }
  if (options.noColon && value.includes(':')) {
    return 'contains ":", after which docker reads mount options: rename the folder';
  }
  if (value.normalize('NFC') !== value) {
    return 'is not in Unicode normal form C: write it NFC (value.normalize("NFC"))';
  }
  return undefined;
}
