import * as fs from 'fs';
import * as path from 'path';
import { Component, SampleFile, typescript } from 'projen';
import {
  addSampleService, SAMPLE, SAMPLE_MAIN_PY, SAMPLE_REQUIREMENTS, SAMPLE_STACK_TS, SAMPLE_TEST_TS,
} from './sample';
import { ImagetoolsResolver } from '../app/digest-resolver';
import { LucidApp } from '../app/lucid-app';
import { ImagesWorkflowOptions } from '../ci/images-workflow-options';
import { runEndToEnd } from '../e2e/run';

/**
 * Options of a Lucid service repository.
 */
export interface LucidServiceProjectOptions extends typescript.TypeScriptProjectOptions {
  /**
   * The stack's name: the compose project name and the title of generated docs.
   * @default 'lucid'
   */
  readonly stackName?: string;

  /**
   * The registry namespace the images are tagged with (the `REGISTRY` bake variable's default).
   * @default 'pickme'
   */
  readonly imageRegistry?: string;

  /**
   * The platforms every image is built for.
   * @default ['linux/amd64', 'linux/arm64']
   */
  readonly imagePlatforms?: string[];

  /**
   * Options of the generated `.github/workflows/images.yml`.
   * @default - publishing to ghcr.io from the default release branch and `v*` tags
   */
  readonly imagesWorkflow?: ImagesWorkflowOptions;

  /**
   * Add the `e2e` task, which synthesizes the project and then builds, runs and checks every image of its app
   * on a private, offline Docker engine (root and Debian required).
   * @default true
   */
  readonly e2e?: boolean;

  /**
   * Pin the app's external images from `images.lock.json` at the repository root, and add the `pin` task, which
   * resolves their digests with `docker buildx imagetools inspect` (through `$LUCID_PIN_MIRROR` when set) and
   * rewrites the lock.
   * @default true
   */
  readonly imageLock?: boolean;
}

/**
 * A service repository: a TypeScript project whose `LucidApp` sits at the repository root, so `npx projen`
 * writes its Dockerfiles, `docker-bake.hcl`, `docker-compose.yml`, structure tests and the
 * `.github/workflows/images.yml` that GitHub runs.
 *
 * `npx projen new --from lucid-cdk` creates one with an example Python service: `src/stack.ts` defines the
 * services (edit it), `.projenrc.ts` calls it on every `npx projen`, `services/hello/` is the example's build
 * context, and `test/stack.test.ts` snapshot-tests the stack. `lucid-cdk` is a runtime dependency, so the
 * stack's code under `src/` passes eslint.
 *
 * @pjid lucid-service
 */
export class LucidServiceProject extends typescript.TypeScriptProject {
  /** The app whose images and services this repository defines. */
  public readonly app: LucidApp;

  /**
   * @param options the project's options
   */
  constructor(options: LucidServiceProjectOptions) {
    // `projen new --from lucid-cdk` lists lucid-cdk among the dev dependencies; the stack's code in src/ imports
    // it, so it belongs to the runtime dependencies.
    const isLucid = (spec: string) => /^lucid-cdk(@|$)/.test(spec);
    const lucidSpecs = (options.devDeps ?? []).filter(isLucid);
    const hasLucidDep = (options.deps ?? []).some(isLucid);
    super({
      projenrcTs: true,
      release: false,
      sampleCode: false,
      ...options,
      devDeps: (options.devDeps ?? []).filter(spec => !isLucid(spec)),
      deps: [...(options.deps ?? []), ...(hasLucidDep ? [] : lucidSpecs.length > 0 ? lucidSpecs : ['lucid-cdk'])],
    });

    // The example: written once, then the user's. The files are written before the app is checked (the
    // compliance rules read the build context from disk), and while `projen new` runs, before src/stack.ts
    // exists, the example service is added here, so that first synthesis writes what `npx projen` will.
    const samples = [
      new SampleFile(this, `${this.srcdir}/stack.ts`, { contents: SAMPLE_STACK_TS }),
      new SampleFile(this, `${this.testdir}/stack.test.ts`, { contents: SAMPLE_TEST_TS }),
      new SampleFile(this, `${SAMPLE.directory}/app/main.py`, { contents: SAMPLE_MAIN_PY }),
      new SampleFile(this, `${SAMPLE.directory}/requirements.txt`, { contents: SAMPLE_REQUIREMENTS }),
    ];
    new WriteFirst(this, samples);
    const creating = this.initProject !== undefined && !fs.existsSync(path.join(this.outdir, this.srcdir, 'stack.ts'));

    this.app = new LucidApp(this, 'Lucid', {
      outdir: '.',
      name: options.stackName,
      registry: options.imageRegistry,
      platforms: options.imagePlatforms,
      workflows: { defaultBranch: options.defaultReleaseBranch, ...options.imagesWorkflow },
      imageLock: (options.imageLock ?? true) ? {} : undefined,
    });
    this.gitignore.exclude('/.e2e-work/');
    if (creating) {
      addSampleService(this.app);
    }
    new ProjenrcStackCall(this, `./${this.srcdir}/stack`);

    if (options.imageLock ?? true) {
      const pin = this.addTask('pin', {
        description: 'Resolves the index digest of every external image (docker buildx imagetools inspect; $LUCID_PIN_MIRROR looks them up under a mirror), rewrites images.lock.json and synthesizes from it',
        env: { LUCID_PIN: 'true' },
      });
      if (this.defaultTask) {
        pin.spawn(this.defaultTask);
      }
    }
    if (options.e2e ?? true) {
      const e2e = this.addTask('e2e', {
        description: 'Synthesizes the project, then builds, runs and checks every image of its app on an offline Docker engine',
        env: { LUCID_E2E: 'true', PROJEN_DISABLE_POST: 'true' },
      });
      if (this.defaultTask) {
        e2e.spawn(this.defaultTask);
      }
    }
  }

  /**
   * Synthesizes the project; under `npx projen pin`, first rewrites the image lock; under `npx projen e2e`, then
   * runs the end-to-end suite on the files just written.
   */
  public synth(): void {
    if (process.env.LUCID_PIN === 'true' && this.app.imageLockFile !== undefined) {
      this.app.pinImages(new ImagetoolsResolver()).save(this.app.imageLockFile);
    }
    super.synth();
    if (process.env.LUCID_E2E === 'true') {
      process.exitCode = runEndToEnd(this.app);
    }
  }
}

/**
 * Writes sample files in `preSynthesize`, before the components added after it are checked and rendered.
 */
class WriteFirst extends Component {
  constructor(project: LucidServiceProject, private readonly files: SampleFile[]) {
    super(project);
  }

  public preSynthesize(): void {
    this.files.forEach(f => f.synthesize());
  }
}

/**
 * Makes the `.projenrc.ts` that `projen new` writes call `defineStack(project.app)` from the stack module.
 */
class ProjenrcStackCall extends Component {
  constructor(project: LucidServiceProject, private readonly stackModule: string) {
    super(project);
  }

  public postProjectCreation(): void {
    const rc = path.join(this.project.outdir, '.projenrc.ts');
    if (!fs.existsSync(rc)) {
      return;
    }
    const text = fs.readFileSync(rc, 'utf-8');
    if (text.includes('defineStack(')) {
      return;
    }
    const lines = text.split('\n');
    const lastImport = lines.reduce((last, line, i) => (line.startsWith('import ') ? i : last), -1);
    lines.splice(lastImport + 1, 0, `import { defineStack } from '${this.stackModule}';`);
    const synth = lines.findIndex(l => l.trim() === 'project.synth();');
    lines.splice(synth < 0 ? lines.length : synth, 0, 'defineStack(project.app);', '');
    fs.writeFileSync(rc, lines.join('\n').replace(/\n*$/, '\n'));
  }
}
