import * as fs from 'fs';
import * as path from 'path';
import ignore from '@balena/dockerignore';
import { IConstruct } from 'constructs';
import { Dockerfile, renderDockerignore } from '../../../dockerfile';
import { globRegExp } from '../../../dockerfile/copy-glob';
import { imageOf } from '../../../images/image-lookup';
import { contextDirectory, generatedFiles, isDirectory } from '../../disk';
import { show } from '../../finding-format';
import { ComplianceViolation, IRule, RuleResult } from '../../rule';

/** BuildKit reads `<Dockerfile name>.dockerignore` next to the Dockerfile instead of the context's `.dockerignore`. */
const DOCKERFILE_IGNORE = 'Dockerfile.dockerignore';

/**
 * Every path a Lucid image's Dockerfile reads from its build context (`Dockerfile.contextSources()`: COPY sources
 * and bind mounts) exists there, on disk or as a file the app generates there; a wildcard matches at least one
 * entry; and none is excluded by the ignore file the build uses: the `.dockerignore` the app generates, or a
 * `Dockerfile.dockerignore`, which BuildKit prefers when one exists. One violation per source.
 *
 * Not applicable while the context directory does not exist (LUCID-CTX2 reports that) unless every source is a
 * file the app generates, nor to a Dockerfile outside a Lucid image.
 */
export class CopySourcesInContext implements IRule {
  /**
   * Checks the Dockerfile of a Lucid image whose context directory exists; not applicable to anything else.
   * @param construct any construct of the app
   */
  public evaluate(construct: IConstruct): RuleResult {
    if (!Dockerfile.isDockerfile(construct)) {
      return RuleResult.notApplicable();
    }
    const image = imageOf(construct);
    if (!image) {
      return RuleResult.notApplicable();
    }
    const dir = contextDirectory(image);
    const generated = generatedFiles(image.app, dir.absolute);
    let sources: string[];
    try {
      sources = construct.contextSources();
    } catch {
      // the Dockerfile's validation reports what is wrong with it
      return RuleResult.notApplicable();
    }
    // A context made only of files the app generates exists once synthesized: judge it the same either way.
    const onlyGenerated = sources.length > 0 && sources.every(s => generated.includes(s));
    if (!isDirectory(dir.absolute) && !onlyGenerated) {
      return RuleResult.notApplicable();
    }
    const context = new ContextView(dir.absolute, generated);
    const ignoreFile = ignoreFileOf(context, sources);
    const violations: ComplianceViolation[] = [];
    for (const source of sources) {
      if (source === '.') {
        continue;
      }
      const entries = context.expand(source);
      if (entries.length === 0) {
        violations.push({
          value: `${show(source)} ${hasGlob(source) ? 'matches nothing' : 'does not exist'} in ${dir.shown}`,
          fix: hasGlob(source)
            ? `add a file that ${source} matches to ${dir.shown}, or correct the pattern the Dockerfile copies`
            : `create ${path.posix.join(dir.shown, source)}, or correct the path the Dockerfile copies`,
        });
        continue;
      }
      const excluded = ignoreFile ? entries.filter(e => ignoreFile.ignores(e)) : [];
      if (excluded.length > 0) {
        violations.push({
          value: `${show(source)} is excluded by ${ignoreFile!.name}${hasGlob(source) ? ` (${excluded.map(e => show(e)).join(', ')})` : ''}`,
          fix: ignoreFile!.name === DOCKERFILE_IGNORE
            ? `delete ${path.posix.join(dir.shown, DOCKERFILE_IGNORE)}: BuildKit uses it instead of the .dockerignore the app generates, which keeps every copied path`
            : `the generated .dockerignore must keep every path the Dockerfile copies: copy ${source} by its literal path, and report the pattern to lucid-cdk`,
        });
      }
    }
    return RuleResult.of(violations);
  }
}

/** The ignore file a build of the context uses, ready to match. */
interface IgnoreFile {
  readonly name: string;
  ignores(p: string): boolean;
}

/**
 * A hand-written `Dockerfile.dockerignore` when there is one (BuildKit prefers it), otherwise the `.dockerignore`
 * the app writes. `undefined` when the sources cannot be written into one (the synthesis reports that).
 */
function ignoreFileOf(context: ContextView, sources: string[]): IgnoreFile | undefined {
  let text: string;
  let name: string;
  const own = context.readDisk(DOCKERFILE_IGNORE);
  if (own !== undefined) {
    text = own;
    name = DOCKERFILE_IGNORE;
  } else {
    try {
      text = renderDockerignore(sources);
    } catch {
      return undefined;
    }
    name = 'the generated .dockerignore';
  }
  try {
    const ig = ignore().add(text);
    return { name, ignores: p => ig.ignores(p) };
  } catch {
    return undefined;
  }
}

/** The build context as the build will see it: what is on disk, plus the files the app generates there. */
class ContextView {
  constructor(private readonly root: string, private readonly generated: string[]) {
  }

  /**
   * The entries a source names: itself when it exists, or every entry its wildcards match (`*` and `?` within
   * one path component, `[...]` classes), as COPY matches them.
   */
  public expand(source: string): string[] {
    let current = [''];
    for (const part of source.split('/')) {
      const next: string[] = [];
      for (const dir of current) {
        if (hasGlob(part)) {
          const re = globRegExp(part);
          next.push(...this.children(dir).filter(n => re.test(n)).map(n => join(dir, n)));
        } else if (this.exists(join(dir, part))) {
          next.push(join(dir, part));
        }
      }
      current = [...new Set(next)].sort();
    }
    return current;
  }

  /** A file's content on disk, if it is a readable file. */
  public readDisk(rel: string): string | undefined {
    try {
      return fs.readFileSync(path.join(this.root, rel), 'utf-8');
    } catch {
      return undefined;
    }
  }

  private exists(rel: string): boolean {
    return this.generated.some(g => g === rel || g.startsWith(`${rel}/`)) || fs.existsSync(path.join(this.root, rel));
  }

  private children(rel: string): string[] {
    const names = new Set<string>();
    for (const g of this.generated) {
      if (rel === '' || g.startsWith(`${rel}/`)) {
        names.add(g.slice(rel === '' ? 0 : rel.length + 1).split('/')[0]);
      }
    }
    try {
      for (const n of fs.readdirSync(path.join(this.root, rel))) {
        names.add(n);
      }
    } catch {
      // not a directory: no children
    }
    return [...names];
  }
}

function join(dir: string, name: string): string {
  return dir === '' ? name : `${dir}/${name}`;
}

function hasGlob(p: string): boolean {
  return /[*?[]/.test(p);
}
