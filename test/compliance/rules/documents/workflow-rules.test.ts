import { findingsOf } from './judge';
import { Compliance, DocumentKind, Layer, LucidService, Plane, ServiceRuntime, Testing } from '../../../../src';

const workflow = (text: string, ruleId: string) => findingsOf(DocumentKind.WORKFLOW, text, ruleId);
const SHA = 'b4ffde65f46336ab88eb53be808477a3936bae11';

const GOOD = `
name: ci
on: [push, pull_request]
permissions:
  contents: read
jobs:
  build:
    runs-on: ubuntu-24.04
    timeout-minutes: 30
    permissions:
      contents: read
      packages: write
    steps:
      - uses: actions/checkout@${SHA} # v4.1.1
        with:
          persist-credentials: false
      - uses: ./.github/actions/local
      - name: Log in
        uses: docker/login-action@${SHA}
        with:
          password: \${{ secrets.GITHUB_TOKEN }}
      - name: Push
        env:
          REF: \${{ github.ref_name }}
        run: docker push "pickme/x:$REF"
`;

describe('the workflow rules on a hand-written workflow', () => {
  test.each(['LUCID-WF1', 'LUCID-WF2', 'LUCID-WF3', 'LUCID-WF4', 'LUCID-WF5', 'LUCID-WF6', 'LUCID-WF7'])('%s: a hardened workflow complies', (ruleId) => {
    expect(workflow(GOOD, ruleId)).toEqual([]);
  });

  test('LUCID-WF1: tags, branches and short SHAs are findings', () => {
    expect(workflow([
      'on: push',
      'jobs:',
      '  a:',
      '    uses: org/repo/.github/workflows/x.yml@main',
      '  b:',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - uses: actions/setup-node@b4ffde6',
      '      - uses: docker://alpine:3.20',
    ].join('\n'), 'LUCID-WF1')).toEqual([
      'job "a": uses "org/repo/.github/workflows/x.yml@main"',
      'job "b", step 1: uses "actions/checkout@v4"',
      'job "b", step 2: uses "actions/setup-node@b4ffde6"',
      'job "b", step 3: uses "docker://alpine:3.20"',
    ]);
  });

  test('LUCID-WF2: missing or write top-level permissions, and a write scope on a job that does not push, are findings', () => {
    expect(workflow('on: push\njobs:\n  a:\n    permissions: { packages: write }\n    steps: [{ run: make }]\n', 'LUCID-WF2')).toEqual([
      'no top-level permissions',
      'job "a": permissions "packages: write", and no step pushes',
    ]);
    expect(workflow('on: push\npermissions: write-all\njobs: {}\n', 'LUCID-WF2')).toEqual(['top-level permissions: "write-all"']);
  });

  test('LUCID-WF3: an expression in run: is a finding', () => {
    expect(workflow('on: push\njobs:\n  a:\n    steps:\n      - name: greet\n        run: echo "${{ github.event.pull_request.title }}"\n', 'LUCID-WF3')).toEqual([
      'job "a", step "greet": run contains "${{ github.event.pull_request.title }}"',
    ]);
  });

  test('LUCID-WF4: checking out the pull request on pull_request_target is a finding; on pull_request it is not', () => {
    const text = (on: string) => `on: ${on}\njobs:\n  a:\n    steps:\n      - uses: actions/checkout@${SHA}\n        with:\n          ref: \${{ github.event.pull_request.head.sha }}\n          persist-credentials: false\n`;
    expect(workflow(text('pull_request_target'), 'LUCID-WF4')).toEqual([
      'job "a", step 1: checks out "${{ github.event.pull_request.head.sha }}" on pull_request_target',
    ]);
    expect(workflow(text('pull_request'), 'LUCID-WF4')).toEqual([]);
  });

  test('LUCID-WF5: a checkout that keeps its credentials is a finding', () => {
    expect(workflow(`on: push\njobs:\n  a:\n    steps:\n      - uses: actions/checkout@${SHA}\n      - uses: actions/checkout@${SHA}\n        with: { persist-credentials: true }\n`, 'LUCID-WF5')).toEqual([
      'job "a", step 1: persist-credentials is not set (true)',
      'job "a", step 2: persist-credentials is true',
    ]);
  });

  test('LUCID-WF6: secrets in the workflow\'s or a job\'s env are findings', () => {
    expect(workflow('on: push\nenv:\n  TOKEN: ${{ secrets.NPM_TOKEN }}\njobs:\n  a:\n    env: { KEY: "${{ secrets.KEY }}" }\n    steps: [{ run: make }]\n', 'LUCID-WF6')).toEqual([
      'the workflow\'s env TOKEN holds a secret',
      'job "a": env KEY holds a secret',
    ]);
  });

  test('LUCID-WF7: a job without timeout-minutes is a finding; a reusable-workflow call is not', () => {
    expect(workflow('on: push\njobs:\n  a:\n    steps: [{ run: make }]\n  b:\n    uses: ./.github/workflows/x.yml\n', 'LUCID-WF7')).toEqual([
      'job "a": no timeout-minutes',
    ]);
  });
});

describe('the workflow the app writes', () => {
  test('complies with every workflow rule', () => {
    const app = Testing.app();
    new LucidService(app, 'api', {
      plane: Plane.OPS, layer: Layer.CORE_SUPPORT, description: 'api', directory: 'apps/api', port: 8080, runtime: ServiceRuntime.python(),
    });
    const findings = app.compliance.findings().filter(f => f.ruleId.startsWith('LUCID-WF'));
    expect(findings.map(Compliance.format)).toEqual([]);
    expect(app.compliance.findings().some(f => f.path.endsWith('images.yml'))).toBe(false);
  });
});
