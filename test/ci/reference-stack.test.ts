import { parse } from 'yaml';
import { allSteps, usesLines, workflowParserErrors, workflowText } from './util';
import { defineLucidStack } from '../../examples/lucid/stack';
import { LucidImage, Testing } from '../../src';
import { ACTION_PINS } from '../../src/ci/action-pins';
import { hcl2json } from '../bake/util';

// The reference stack at its real place in this repository, so the workflow is the one committed under
// examples/lucid/.github/workflows/images.yml.
const app = defineLucidStack(Testing.project());
const files = Testing.synth(app);
const text = workflowText(files);
const workflow = parse(text);
const images = LucidImage.all(app);

describe('the reference stack\'s images workflow', () => {
  test('is accepted by GitHub\'s workflow parser', () => {
    expect(workflowParserErrors({ text }).text).toEqual([]);
  });

  test('builds with the committed bake file, in examples/lucid', () => {
    const bakes = allSteps(workflow).filter(({ step }) => String(step.uses).startsWith('docker/bake-action@'));
    expect(bakes.length).toBe(2 * images.length);
    for (const { step } of bakes) {
      expect(step.with).toMatchObject({ source: 'examples/lucid', files: 'docker-bake.hcl' });
    }
  });

  test('orders its jobs by the bake file\'s FROM dependencies', async () => {
    const bake = await hcl2json(files['docker-bake.hcl']);
    for (const image of images) {
      const [target] = bake.target[image.targetName];
      const bases = Object.values<string>(target.contexts ?? {}).filter(c => c.startsWith('target:')).map(c => `build-${c.slice(7)}`).sort();
      expect({ image: image.targetName, needs: workflow.jobs[`build-${image.targetName}`].needs ?? [] }).toEqual({ image: image.targetName, needs: bases });
    }
    // the services built on the base images wait for them; the others start at once
    expect(workflow.jobs['build-service-mesh-controller'].needs).toEqual(['build-python-base']);
    expect(workflow.jobs['build-node-management'].needs).toEqual(['build-java-base']);
    expect(workflow.jobs['build-api-gateway'].needs).toBeUndefined();
    expect(workflow.jobs['build-auth-service'].needs).toBeUndefined();
    expect(workflow.jobs['build-admin-ui'].needs).toBeUndefined();
  });

  test('checks each image against the budget of its runtime', () => {
    const budgets = Object.fromEntries(images.map(i => {
      const step = workflow.jobs[`build-${i.targetName}`].steps.find((s: any) => /^Size of/.test(s.name));
      return [i.targetName, Number(/budget_mb=(\d+)/.exec(step.run)![1])];
    }));
    expect(budgets).toEqual(Object.fromEntries(images.map(i => [i.targetName, i.sizeBudgetMb])));
    expect(budgets['api-gateway']).toBe(100);
    expect(budgets['blockchain-api']).toBe(150);
  });

  test('pins every action as the catalogue does', () => {
    for (const line of usesLines(text)) {
      const [action, rest] = line.split('@');
      expect(rest).toBe(`${ACTION_PINS[action].sha} # ${ACTION_PINS[action].version}`);
    }
  });

  test('matches its snapshot', () => {
    expect(text).toMatchSnapshot();
  });
});
