import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Project } from 'projen';
import { LucidApp, LucidAppProps } from './app/lucid-app';
import { isSynthesisError } from './core/errors';
import { isGeneratedFile } from './core/generated-file';

/** The folders `Testing.project()` made in this process, removed at exit or by `Testing.cleanup()`. */
const temporaryFolders = new Set<string>();

/**
 * Helpers for testing Lucid apps, e.g. `expect(Testing.synth(app)).toMatchSnapshot()`.
 */
export class Testing {
  /**
   * A throwaway projen project in a new temporary folder, to hold an app under test.
   */
  public static project(): Project {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'lucid-cdk-test-'));
    temporaryFolders.add(outdir);
    if (temporaryFolders.size === 1) {
      process.once('exit', () => Testing.cleanup());
    }
    return new Project({ name: 'lucid-cdk-test', outdir });
  }

  /**
   * Removes the temporary folders that `project()` and `app()` made. It runs by itself when a node process
   * exits, but jest stops its workers without that: call it in `afterAll` (e.g. from a `setupFilesAfterEnv` file,
   * as lucid-cdk's own tests do).
   */
  public static cleanup(): void {
    for (const folder of temporaryFolders) {
      fs.rmSync(folder, { recursive: true, force: true });
    }
    temporaryFolders.clear();
  }

  /**
   * A LucidApp in a throwaway project.
   */
  public static app(props: LucidAppProps = {}): LucidApp {
    return new LucidApp(Testing.project(), 'Lucid', props);
  }

  /**
   * Synthesizes the app's project and returns the problems that stop it, each prefixed with its construct path,
   * or an empty list when it synthesizes. Nothing is written when there is a problem.
   */
  public static problems(app: LucidApp): string[] {
    try {
      Testing.synth(app);
      return [];
    } catch (e: any) {
      // A brand, not instanceof: the error may come from another copy of the library.
      if (isSynthesisError(e)) {
        return e.problems;
      }
      throw e;
    }
  }

  /**
   * Synthesizes the app's project and returns every file the app generated, keyed by its path relative to
   * the app's folder (sorted), with its content.
   */
  public static synth(app: LucidApp): { [path: string]: string } {
    const project = app.project;
    synthWithoutPost(project);
    const files: { [path: string]: string } = {};
    const paths = app.node.findAll()
      .filter(isGeneratedFile)
      .map(f => f.path)
      .sort();
    for (const p of paths) {
      const rel = app.outdir === '.' ? p : path.posix.relative(app.outdir, p);
      files[rel] = fs.readFileSync(path.join(project.outdir, p), 'utf-8');
    }
    return files;
  }
}

/**
 * Synthesizes a project without its post-synthesis steps (no `npm install`), as tests want. @internal
 */
export function synthWithoutPost(project: Project): void {
  const previous = process.env.PROJEN_DISABLE_POST;
  process.env.PROJEN_DISABLE_POST = 'true';
  try {
    project.synth();
  } finally {
    if (previous === undefined) {
      delete process.env.PROJEN_DISABLE_POST;
    } else {
      process.env.PROJEN_DISABLE_POST = previous;
    }
  }
}
