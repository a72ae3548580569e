import * as path from 'path';
import { Construct } from 'constructs';
import { ActionPins } from './action-pins';
import { validateBuildSecrets } from './build-secrets';
import { expressionString, hasExpression, wrap } from './expression';
import { ImageJobSettings, nativeJobs, singleRunnerJobs } from './image-jobs';
import { ImagesWorkflowOptions, WorkflowCache } from './images-workflow-options';
import { lintJob } from './lint-job';
import { renderWorkflow, workflowProblems } from './render';
import { Job, Permissions, Workflow } from './workflow-model';
import { BakeFile } from '../bake/bake-file';
import type { ILucidApp } from '../core/app';
import { DocumentKind } from '../core/document';
import { GeneratedDocument, GeneratedFile, isGeneratedFile } from '../core/generated-file';
import { IOverridableFile } from '../core/overridable-file';
import { baseChain } from '../images/base-chain';
import { LucidImage } from '../images/lucid-image';

const DEFAULT_RUNNERS: { [platform: string]: string } = { 'linux/amd64': 'ubuntu-24.04', 'linux/arm64': 'ubuntu-24.04-arm' };
const SEVERITIES = ['UNKNOWN', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];
const GHCR = 'ghcr.io';
const DOCKER_HUB = 'docker.io';

/**
 * The GitHub Actions workflow that builds, tests and publishes the app's images, derived from the same tree as
 * the bake file: one job per image, each needing exactly the jobs of the images it is built FROM, all others in
 * parallel. Each job builds its image for one platform and loads it, runs its structure test, checks its size
 * against its budget (a row of the run's summary), scans it with Trivy, and only then, on the default branch and
 * `v*` tags, builds every platform and pushes. Bake runs on the committed bake file, in the app's folder.
 *
 * Build secrets come from the repository's GitHub secrets, for every bake step of an image that has build secrets
 * of its own or of the app's images it is built on (bake builds those in the same graph). An ENVIRONMENT secret
 * (`location: 'PIP_INDEX_TOKEN'`) is set in the bake step's `env:` from the GitHub secret of the same name. A FILE
 * secret is written by a step before the first bake, from the GitHub secret named after its id (`pip-conf` →
 * `PIP_CONF`), to `$RUNNER_TEMP/lucid-secrets/<id>` (readable by the runner's user only, removed at the end of
 * the job); each bake step points the bake file's entry at it with `--set <target>.secrets+=id=<id>,src=<file>`
 * and grants bake read access to that folder (`allow: fs.read=…`). `buildSecretNames` maps an id to another
 * GitHub secret. Secrets reach scripts through `env:` only, never through an expression in `run:`.
 *
 * Written to `<app folder>/.github/workflows/<name>.yml`, with paths relative to the repository root.
 */
export class ImagesWorkflow extends Construct {
  /** The workflow's name. */
  public readonly name: string;
  /** The workflow file, relative to the project root. */
  public readonly filePath: string;
  /**
   * The workflow file: call `addOverride` / `addDeletionOverride` on it to adjust what the options do not cover
   * (`jobs.lint.steps.0.name`, `on.schedule`). The overridden workflow is checked like the computed one (no
   * expression in a `run:` script, every action pinned).
   */
  public readonly file: IOverridableFile;

  private readonly app: ILucidApp;
  private readonly options: ImagesWorkflowOptions;
  private readonly pins: ActionPins;

  /**
   * @param app the app whose images the workflow builds
   * @param id the construct id
   * @param options its options
   */
  constructor(app: ILucidApp, id: string, options: ImagesWorkflowOptions = {}) {
    super(app, id);
    this.app = app;
    this.options = options;
    this.name = options.name ?? 'images';
    this.pins = new ActionPins(options.actionPins);
    this.filePath = app.filePath(path.posix.join('.github', 'workflows', `${this.name}.yml`));
    this.file = new GeneratedDocument(this, this.filePath, DocumentKind.WORKFLOW, {
      object: () => this.workflow(),
      // Invalid options are reported as such; the file is checked once they are valid.
      validate: object => this.validateOptions().length > 0 ? [] : workflowProblems(object, this.pins),
      render: (object, header) => renderWorkflow(object, this.pins, header),
    });
    this.node.addValidation({ validate: () => this.validateOptions() });
  }

  /** The action pins in use, `owner/repo` → `<sha> # <version>`. */
  public get actionPins(): { [action: string]: string } {
    const out: { [action: string]: string } = {};
    for (const [action, pin] of Object.entries(this.pins.all())) {
      out[action] = `${pin.sha} # ${pin.version}`;
    }
    return out;
  }

  /** The condition under which images are pushed: on the default branch and `v*` tags, never for pull requests. */
  public get pushCondition(): string {
    return `github.event_name != 'pull_request' && (github.ref == ${expressionString(`refs/heads/${this.defaultBranch}`)} || startsWith(github.ref, 'refs/tags/v'))`;
  }

  private get defaultBranch(): string {
    return this.options.defaultBranch ?? 'main';
  }

  private get registry(): string {
    return this.options.registry ?? GHCR;
  }

  /** The model of the workflow. */
  private workflow(): Workflow {
    const images = LucidImage.all(this.app);
    const settings = this.settings();
    const jobs: { [id: string]: Job } = {};
    for (const image of images) {
      Object.assign(jobs, this.options.nativeMultiArch ? nativeJobs(image, settings) : singleRunnerJobs(image, settings));
    }
    if (this.options.lint ?? true) {
      jobs.lint = lintJob({
        pins: this.pins,
        runsOn: settings.runsOn,
        timeoutMinutes: settings.timeoutMinutes,
        nodeVersion: this.options.nodeVersion ?? '24',
        npmCi: this.options.npmCi ?? true,
      });
    }
    return {
      name: this.name,
      on: {
        push: { branches: [this.defaultBranch], tags: ['v*'] },
        pull_request: {},
        workflow_dispatch: {},
      },
      permissions: { contents: 'read' },
      concurrency: {
        'group': `${wrap('github.workflow')}-${wrap('github.ref')}`,
        'cancel-in-progress': wrap('github.event_name == \'pull_request\''),
      },
      jobs,
    };
  }

  private settings(): ImageJobSettings {
    const o = this.options;
    const ghcr = this.registry === GHCR;
    const cache = o.cache ?? WorkflowCache.GHA;
    const secret = (name: string) => wrap(`secrets.${name}`);
    // The token of the run can push to ghcr.io only with `packages: write`; other registries use their own secrets.
    const pushPermissions: Permissions = ghcr ? { contents: 'read', packages: 'write' } : { contents: 'read' };
    return {
      pins: this.pins,
      pushCondition: this.pushCondition,
      source: this.app.outdir,
      bakeFile: this.bakeFile() ?? 'docker-bake.hcl',
      filePath: rel => this.app.filePath(rel),
      platforms: this.app.platforms,
      perArchTags: this.app.node.children.find(BakeFile.isBakeFile)?.perArchitectureTags ?? false,
      runsOn: o.runsOn ?? 'ubuntu-24.04',
      nativeRunners: { ...DEFAULT_RUNNERS, ...o.nativeRunners },
      timeoutMinutes: o.timeoutMinutes ?? 60,
      cache: cache === WorkflowCache.GHA ? 'gha'
        // Only runs that push are logged in, so only they may write the registry cache.
        : cache === WorkflowCache.REGISTRY ? wrap(`${this.pushCondition} && 'registry' || ''`) : '',
      gha: cache === WorkflowCache.GHA,
      tag: wrap(`github.ref_type == 'tag' && github.ref_name || ${expressionString(this.app.tag)}`),
      namespace: this.namespace(),
      loginRegistry: this.registry === DOCKER_HUB ? undefined : this.registry,
      credentials: {
        username: o.registryUsernameSecret ? secret(o.registryUsernameSecret) : ghcr ? wrap('github.actor') : secret('REGISTRY_USERNAME'),
        password: secret(o.registryPasswordSecret ?? (ghcr ? 'GITHUB_TOKEN' : 'REGISTRY_PASSWORD')),
      },
      pushPermissions,
      trivy: (o.trivy ?? true) ? o.trivySeverity ?? 'CRITICAL,HIGH' : undefined,
      attest: o.attest ?? true,
      buildSecretNames: { ...o.buildSecretNames },
    };
  }

  private namespace(): { fixed?: string; ownerOn?: string } {
    const appRegistry = this.app.registry;
    if (this.options.imageNamespace !== undefined) {
      return { fixed: this.options.imageNamespace };
    }
    if (appRegistry.startsWith(`${this.registry}/`)) {
      return { fixed: appRegistry };
    }
    if (this.registry === GHCR) {
      return { ownerOn: GHCR };
    }
    return { fixed: this.registry === DOCKER_HUB ? appRegistry : `${this.registry}/${appRegistry}` };
  }

  /** The app's bake file, relative to the app's folder. */
  private bakeFile(): string | undefined {
    const bake = this.app.node.children.find(BakeFile.isBakeFile);
    const file = bake?.node.children.find(isGeneratedFile) as GeneratedFile | undefined;
    return file ? (this.app.outdir === '.' ? file.path : path.posix.relative(this.app.outdir, file.path)) : undefined;
  }

  private validateOptions(): string[] {
    const o = this.options;
    const errors: string[] = [...this.pins.validate()];
    const strings: { [option: string]: string | undefined } = {
      name: o.name,
      defaultBranch: o.defaultBranch,
      registry: o.registry,
      imageNamespace: o.imageNamespace,
      registryUsernameSecret: o.registryUsernameSecret,
      registryPasswordSecret: o.registryPasswordSecret,
      runsOn: o.runsOn,
      trivySeverity: o.trivySeverity,
      nodeVersion: o.nodeVersion,
    };
    for (const [platform, runner] of Object.entries(o.nativeRunners ?? {})) {
      strings[`nativeRunners["${platform}"]`] = runner;
      strings[`nativeRunners key "${platform}"`] = platform;
    }
    for (const [action, pin] of Object.entries(o.actionPins ?? {})) {
      strings[`actionPins["${action}"]`] = pin;
    }
    for (const [id, name] of Object.entries(o.buildSecretNames ?? {})) {
      strings[`buildSecretNames["${id}"]`] = name;
    }
    for (const [option, value] of Object.entries(strings)) {
      if (value !== undefined && hasExpression(value)) {
        errors.push(`${option} "${value}" contains "\${{": options are written into the workflow as data and may not hold GitHub expressions`);
      }
    }
    const check = (option: string, value: string | undefined, ok: RegExp, what: string) => {
      if (value !== undefined && !hasExpression(value) && !ok.test(value)) {
        errors.push(`${option} "${value}" is not ${what}`);
      }
    };
    check('name', o.name, /^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'a valid workflow file name: use letters, digits, ".", "_" and "-"');
    check('defaultBranch', o.defaultBranch, /^(?!.*\.\.)(?!\/)(?!.*\/$)[A-Za-z0-9._\/-]+$/, 'a branch name: use letters, digits, ".", "_", "-" and "/"');
    check('registry', o.registry, /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]{1,5})?$/, 'a registry host name such as "ghcr.io" or "registry.example.com:5000"');
    check('imageNamespace', o.imageNamespace, /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]{1,5})?(\/[a-z0-9]+([._-][a-z0-9]+)*)*$/,
      'a registry namespace such as "ghcr.io/lucid" (lower case)');
    for (const option of ['registryUsernameSecret', 'registryPasswordSecret'] as const) {
      check(option, o[option], /^[A-Za-z_][A-Za-z0-9_]*$/, 'a secret name: use letters, digits and "_", not starting with a digit');
    }
    check('runsOn', o.runsOn, /^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'a runner label such as "ubuntu-24.04"');
    check('nodeVersion', o.nodeVersion, /^[A-Za-z0-9.*\/+-]+$/, 'a Node.js version such as "24" or "lts/*"');
    if (o.trivySeverity !== undefined && !hasExpression(o.trivySeverity)) {
      const parts = o.trivySeverity.split(',');
      if (parts.some(p => !SEVERITIES.includes(p)) || new Set(parts).size !== parts.length) {
        errors.push(`trivySeverity "${o.trivySeverity}" must be a comma-separated list of distinct ${SEVERITIES.join(', ')} (no spaces)`);
      }
    }
    if (o.timeoutMinutes !== undefined && !(Number.isInteger(o.timeoutMinutes) && o.timeoutMinutes > 0)) {
      errors.push(`timeoutMinutes must be a whole number of minutes above 0, got ${o.timeoutMinutes}`);
    }
    if (o.cache !== undefined && !Object.values(WorkflowCache).includes(o.cache)) {
      errors.push(`cache "${o.cache}" is not one of ${Object.values(WorkflowCache).join(', ')}`);
    }
    if (o.nativeMultiArch) {
      const runners = { ...DEFAULT_RUNNERS, ...o.nativeRunners };
      for (const platform of this.app.platforms) {
        if (runners[platform] === undefined) {
          errors.push(`nativeMultiArch: no runner for platform ${platform}: add it to nativeRunners, e.g. { "${platform}": "<runner label>" }`);
        }
      }
      for (const [platform, runner] of Object.entries(o.nativeRunners ?? {})) {
        check(`nativeRunners["${platform}"]`, runner, /^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'a runner label such as "ubuntu-24.04-arm"');
      }
    }
    errors.push(...validateBuildSecrets(LucidImage.all(this.app).map(i => [i, ...baseChain(i)]), o.buildSecretNames ?? {}));
    if (!(o.lint ?? true) && LucidImage.all(this.app).length === 0) {
      errors.push('the workflow would have no job: the app has no images and lint is false; add an image or turn lint on');
    }
    if (this.bakeFile() === undefined) {
      errors.push('the app has no bake file for the workflow to build from');
    }
    // Paths from the model are written into the workflow too: GitHub would evaluate an expression in them.
    const paths = [this.app.outdir, this.bakeFile() ?? '', ...LucidImage.all(this.app).map(i => i.directory)];
    for (const p of paths.filter(hasExpression)) {
      errors.push(`the path "${p}" contains "\${{", which GitHub would evaluate in the workflow: rename it`);
    }
    return errors;
  }
}
