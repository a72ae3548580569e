// The subset of GitHub Actions' workflow syntax that lucid-cdk emits, as plain data. Property names are the
// syntax's own (kebab-case where GitHub writes them so), so rendering is a straight serialization. Internal: the
// public surface is the ImagesWorkflow construct and its options.

/**
 * A workflow file.
 * @see https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax
 */
export interface Workflow {
  /** The workflow's name, shown in the Actions tab. */
  readonly name: string;
  /** The events that run the workflow. */
  readonly on: WorkflowTriggers;
  /** The default permissions of the `GITHUB_TOKEN` for every job. */
  readonly permissions: Permissions;
  /** At most one run per group: a newer run waits for, or cancels, the older one. */
  readonly concurrency: Concurrency;
  /** The jobs, by id. */
  readonly jobs: { [id: string]: Job };
}

/**
 * The events that run a workflow.
 * @see https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#on
 */
export interface WorkflowTriggers {
  /** Pushes to these branches or tags. */
  readonly push?: { readonly branches?: string[]; readonly tags?: string[] };
  /** Pull requests (activity types opened, synchronize, reopened by default). */
  readonly pull_request?: {};
  /** Manual runs. */
  readonly workflow_dispatch?: {};
}

/**
 * `GITHUB_TOKEN` scopes and their access (`read`, `write` or `none`).
 * @see https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#permissions
 */
export interface Permissions {
  readonly [scope: string]: string;
}

/**
 * A concurrency group.
 * @see https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#concurrency
 */
export interface Concurrency {
  /** The group's name (an expression). */
  readonly 'group': string;
  /** Whether a new run cancels the one in progress (an expression). */
  readonly 'cancel-in-progress': string;
}

/**
 * A job.
 * @see https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#jobs
 */
export interface Job {
  /** The name shown in the UI. */
  readonly 'name': string;
  /** Jobs that must succeed first. */
  readonly 'needs'?: string[];
  /** A condition (an expression) for running the job. */
  readonly 'if'?: string;
  /** The runner label (may be an expression, e.g. from the matrix). */
  readonly 'runs-on': string;
  /** The `GITHUB_TOKEN` permissions of this job, replacing the workflow's. */
  readonly 'permissions'?: Permissions;
  /** The job is cancelled after this many minutes. */
  readonly 'timeout-minutes': number;
  /** A matrix: one job per combination. */
  readonly 'strategy'?: Strategy;
  /** Environment variables of every step. */
  readonly 'env'?: { [name: string]: string };
  /** The steps. */
  readonly 'steps': Step[];
}

/**
 * A job matrix.
 * @see https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#jobsjob_idstrategy
 */
export interface Strategy {
  /** Whether one failed combination cancels the others. */
  readonly 'fail-fast': boolean;
  /** The combinations, each a map of matrix variables. */
  readonly 'matrix': { readonly include: Array<{ [name: string]: string }> };
}

/**
 * A step: either an action (`uses`) or a shell script (`run`).
 * @see https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#jobsjob_idsteps
 */
export interface Step {
  /** The step's name. */
  readonly name: string;
  /** An id, to read the step's outputs. */
  readonly id?: string;
  /** A condition (an expression) for running the step. */
  readonly if?: string;
  /** The action, `owner/repo@<sha>`. */
  readonly uses?: string;
  /** The action's inputs. */
  readonly with?: { [input: string]: string | boolean | number };
  /** The shell of a `run` step. */
  readonly shell?: string;
  /** Environment variables of this step: the only way expression values reach a script. */
  readonly env?: { [name: string]: string };
  /** A shell script. It never contains an expression. */
  readonly run?: string;
}
