import * as fs from 'fs';
import * as path from 'path';
import { ciApp, parseWorkflow, workflowText } from './util';
import { Testing } from '../../src';
import { lucidService } from '../compliance/fixtures/builders';

// Overrides of the images workflow: applied to the workflow's object before it is checked and written, and read
// back by GitHub's own workflow parser.

describe('workflow overrides', () => {
  test('overrides that add a trigger, rename a step and set a job\'s env are accepted by GitHub\'s parser', () => {
    // GIVEN
    const app = ciApp();
    lucidService(app, 'api');
    // WHEN
    app.workflows.file.addOverride('on.schedule', [{ cron: '0 4 * * 1' }]);
    app.workflows.file.addOverride('jobs.lint.steps.0.name', 'Check out the sources');
    app.workflows.file.addOverride('jobs.lint.env.FORCE_COLOR', '1');
    app.workflows.file.addDeletionOverride('on.workflow_dispatch');
    const text = workflowText(Testing.synth(app));
    // THEN
    const workflow = parseWorkflow(text);
    expect(workflow.on.schedule).toEqual([{ cron: '0 4 * * 1' }]);
    expect(workflow.on.workflow_dispatch).toBeUndefined();
    expect(workflow.jobs.lint.steps[0].name).toBe('Check out the sources');
    expect(workflow.jobs.lint.env).toEqual({ FORCE_COLOR: '1' });
    // the job's keys keep their order (env before steps), and the pinned action keeps its version comment
    expect(Object.keys(workflow.jobs.lint).indexOf('env')).toBeLessThan(Object.keys(workflow.jobs.lint).indexOf('steps'));
    expect(text).toMatch(/uses: actions\/checkout@[0-9a-f]{40} # v/);
  });

  test('an override that puts an expression into a run script or an unpinned action stops synthesis with the file\'s path', () => {
    // GIVEN two steps appended to the lint job's five
    const app = ciApp();
    app.workflows.file.addOverride('jobs.lint.steps.5', { name: 'greet', run: 'echo ${{ github.actor }}' });
    app.workflows.file.addOverride('jobs.lint.steps.6', { uses: 'someone/action@v1' });
    const file = path.join(app.project.outdir, app.workflows.filePath);
    // WHEN
    let error: any;
    try {
      Testing.synth(app);
    } catch (e) {
      error = e;
    }
    // THEN
    expect(error?.problems).toEqual([
      `[${app.workflows.file.node.path}] job lint, step "greet": a run script must not contain an expression ("\${{"); pass the value through env`,
      `[${app.workflows.file.node.path}] jobs.lint.steps[6].uses: "someone/action@v1" is not a pinned action of the catalogue (pin it with the actionPins option, as <sha> # <version>)`,
    ]);
    expect(fs.existsSync(file)).toBe(false);
  });
});
