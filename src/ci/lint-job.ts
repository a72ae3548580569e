import { ActionPins } from './action-pins';
import { script, shellQuote } from './shell';
import { Job } from './workflow-model';

/** Options of the lint job. */
export interface LintJobSettings {
  /** The action pins. */
  readonly pins: ActionPins;
  /** The runner. */
  readonly runsOn: string;
  /** Minutes after which the job is cancelled. */
  readonly timeoutMinutes: number;
  /** The Node.js version to set up. */
  readonly nodeVersion: string;
  /** `npm ci` (true) or `npm install` (false). */
  readonly npmCi: boolean;
}

/**
 * The `lint` job: regenerates every file with `npx projen` and fails when the result differs from what is
 * committed, so a generated file edited by hand, or a model change committed without its files, is caught.
 * Read-only: it needs nothing but the repository's contents.
 */
export function lintJob(s: LintJobSettings): Job {
  return {
    'name': 'generated files are up to date',
    'runs-on': s.runsOn,
    'permissions': { contents: 'read' },
    'timeout-minutes': s.timeoutMinutes,
    'steps': [
      { name: 'Check out', uses: s.pins.uses('actions/checkout'), with: { 'persist-credentials': false } },
      {
        name: 'Set up Node.js',
        uses: s.pins.uses('actions/setup-node'),
        with: { 'node-version': s.nodeVersion, ...(s.npmCi ? { cache: 'npm' } : {}) },
      },
      { name: 'Install dependencies', shell: 'bash', run: script([s.npmCi ? 'npm ci' : 'npm install']) },
      { name: 'Synthesize', shell: 'bash', run: script(['npx projen']) },
      {
        name: 'Check that nothing changed',
        shell: 'bash',
        run: script([
          `hint=${shellQuote('generated files are out of date: run npx projen and commit the result')}`,
          'if ! git diff --exit-code; then echo "::error::$hint"; exit 1; fi',
          'untracked="$(git ls-files --others --exclude-standard)"',
          'if [ -n "$untracked" ]; then echo "$untracked"; echo "::error::$hint"; exit 1; fi',
        ]),
      },
    ],
  };
}
