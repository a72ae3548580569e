import { JobRun, jobRuns, parseWorkflow, PULL_REQUEST, PUSH_TO_MAIN, workflowText } from './util';
import { LucidApp, Layer, LucidService, Plane, ServiceRuntime, Testing } from '../../src';
import { LucidImage } from '../../src/images/lucid-image';
import { devBasesApp } from '../images/dev-bases';

// Which jobs of the images workflow take a runner, for a pull request and for a push to the default branch, played
// through with GitHub's expression evaluator: no job may start only to skip its steps, a pull request runs one job
// per image (and lint), and a job built on a base image runs whenever its base built, whatever was skipped by
// condition in between.

function app(nativeMultiArch: boolean): { app: LucidApp; images: number; workflow: any } {
  const a = devBasesApp({ workflows: { nativeMultiArch } });
  // and a service on no base of the app
  new LucidService(a, 'gateway', {
    plane: Plane.OPS, layer: Layer.CORE_SUPPORT, description: 'gateway', directory: 'apps/gateway', port: 8081, runtime: ServiceRuntime.python(),
  });
  const workflow = parseWorkflow(workflowText(Testing.synth(a)));
  return { app: a, images: LucidImage.all(a).length, workflow };
}

const started = (runs: { [job: string]: JobRun }) => Object.keys(runs).filter(j => runs[j].started).sort();
const idle = (runs: { [job: string]: JobRun }) => Object.keys(runs).filter(j => runs[j].idle);

describe.each([
  ['one runner per image', false],
  ['native fan-out', true],
])('the jobs of the images workflow, with %s', (_what, native) => {
  const { app: a, images, workflow } = app(native);
  const builds = LucidImage.all(a).map(i => `build-${i.targetName}`);

  test('a pull request starts one job per image and lint, none of them idle', () => {
    // WHEN
    const runs = jobRuns(workflow, PULL_REQUEST);

    // THEN
    expect(started(runs)).toEqual([...builds, 'lint'].sort());
    expect(started(runs)).toHaveLength(images + 1);
    expect(idle(runs)).toEqual([]);
  });

  test('a push to main starts every job, none of them idle', () => {
    // WHEN
    const runs = jobRuns(workflow, PUSH_TO_MAIN);

    // THEN
    const expected = native ? [...builds, ...builds.map(b => b.replace(/^build-/, 'merge-'))] : builds;
    expect(started(runs)).toEqual([...expected, 'lint'].sort());
    expect(started(runs)).toHaveLength((native ? 2 : 1) * images + 1);
    expect(idle(runs)).toEqual([]);
  });

  test('a service on a base does not run when its base failed to build, on a pull request or a push', () => {
    expect(jobRuns(workflow, PULL_REQUEST, ['build-python-dev'])['build-auth'].started).toBe(false);
    expect(jobRuns(workflow, PUSH_TO_MAIN, ['build-python-dev'])['build-auth'].started).toBe(false);
    expect(jobRuns(workflow, PUSH_TO_MAIN, ['build-python-dev'])['build-gateway'].started).toBe(true);
  });

  if (native) {
    test('a service on a base does not run when its base\'s manifest list could not be pushed', () => {
      expect(jobRuns(workflow, PUSH_TO_MAIN, ['merge-python-dev'])['build-auth'].started).toBe(false);
    });
  }
});
