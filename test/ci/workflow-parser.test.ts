import { ciApp, workflowParserErrors, workflowText } from './util';
import { Layer, LucidService, Plane, ServiceRuntime, Testing } from '../../src';

// Every workflow lucid-cdk generates is read back by GitHub's own parser (@actions/workflow-parser, from
// actions/languageservices), the parser behind the Actions language service; these tests show the harness fails
// when the parser finds errors, and that the generated workflows have none.

const VALID = [
  'name: ok',
  'on: push',
  'permissions:',
  '  contents: read',
  'jobs:',
  '  a:',
  '    runs-on: ubuntu-24.04',
  '    timeout-minutes: 5',
  '    steps:',
  '      - run: echo a',
  '  b:',
  '    needs: [a]',
  '    runs-on: ubuntu-24.04',
  '    steps:',
  '      - run: echo b',
  '',
].join('\n');

describe('the workflow parser harness', () => {
  test('accepts a valid workflow and reports the errors of broken ones', () => {
    // GIVEN a valid workflow and three broken variants
    const workflows = {
      'valid': VALID,
      'unknown event': VALID.replace('on: push', 'on: pushed'),
      'run and uses in one step': VALID.replace('      - run: echo a', '      - run: echo a\n        uses: actions/checkout@v7'),
      'needs an unknown job': VALID.replace('needs: [a]', 'needs: [c]'),
      'not a workflow': 'just: a mapping\n',
    };
    // WHEN
    const errors = workflowParserErrors(workflows);
    // THEN
    expect(errors.valid).toEqual([]);
    expect(errors['unknown event']).toEqual([expect.stringContaining('Unexpected value \'pushed\'')]);
    expect(errors['run and uses in one step']).toEqual(expect.arrayContaining([expect.stringContaining('Unexpected value \'uses\'')]));
    expect(errors['needs an unknown job'].length).toBeGreaterThan(0);
    expect(errors['not a workflow'].length).toBeGreaterThan(0);
  });
});

describe('generated workflows', () => {
  function app(workflows = {}) {
    const a = ciApp({ workflows });
    const python = ServiceRuntime.python();
    new LucidService(a, 'svc', { plane: Plane.OPS, layer: Layer.CORE_SUPPORT, description: 'svc', directory: 'apps/svc', port: 8080, runtime: python });
    return a;
  }

  test.each([
    ['the defaults', {}],
    ['native fan-out', { nativeMultiArch: true }],
    ['Docker Hub, registry cache, no Trivy, no lint', { registry: 'docker.io', cache: 'registry', trivy: false, lint: false }],
    ['an app with no images', 'empty'],
  ])('parse without errors: %s', (_what, workflows) => {
    const a = workflows === 'empty' ? ciApp() : app(workflows);
    const text = workflowText(Testing.synth(a));
    expect(workflowParserErrors({ text }).text).toEqual([]);
  });
});
