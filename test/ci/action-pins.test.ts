import { ACTION_PINS, ActionPins } from '../../src/ci/action-pins';
import { CONTAINER_STRUCTURE_TEST, TRIVY_VERSION } from '../../src/ci/tool-pins';

describe('the action pin catalogue', () => {
  test('pins every action to a full 40-hex commit SHA and a release version', () => {
    for (const [action, pin] of Object.entries(ACTION_PINS)) {
      expect({ action, sha: /^[0-9a-f]{40}$/.test(pin.sha), version: /^v\d+\.\d+\.\d+$/.test(pin.version) }).toEqual({ action, sha: true, version: true });
    }
  });

  test('uses the current majors of the actions', () => {
    const majors = Object.fromEntries(Object.entries(ACTION_PINS).map(([a, p]) => [a, p.version.split('.')[0]]));
    expect(majors).toEqual({
      'actions/checkout': 'v7',
      'actions/setup-node': 'v7',
      'actions/upload-artifact': 'v7',
      'actions/download-artifact': 'v8',
      'docker/setup-qemu-action': 'v4',
      'docker/setup-buildx-action': 'v4',
      'docker/login-action': 'v4',
      'docker/bake-action': 'v7',
      'aquasecurity/trivy-action': 'v0',
    });
  });

  test('pins trivy-action to 0.35.0, the one release whose tag was not force-pushed in March 2026', () => {
    expect(ACTION_PINS['aquasecurity/trivy-action']).toEqual({ sha: '57a97c7e7821a5776cebc9bb87c984fa69cba8f1', version: 'v0.35.0' });
    // and Trivy itself to a release before the malicious v0.69.4
    expect(TRIVY_VERSION).toBe('v0.69.3');
  });

  test('pins container-structure-test to a release and the SHA-256 of each binary', () => {
    expect(CONTAINER_STRUCTURE_TEST.version).toMatch(/^v\d+\.\d+\.\d+$/);
    for (const sha of Object.values(CONTAINER_STRUCTURE_TEST.sha256)) {
      expect(sha).toMatch(/^[0-9a-f]{64}$/);
    }
  });
});

describe('ActionPins', () => {
  test('applies an override written "<sha> # <version>", lower-casing the SHA', () => {
    // GIVEN
    const pins = new ActionPins({ 'docker/bake-action': `${'AB'.repeat(20)}  #  v7.4.0` });
    // THEN
    expect(pins.validate()).toEqual([]);
    expect(pins.uses('docker/bake-action')).toBe(`docker/bake-action@${'ab'.repeat(20)}`);
    expect(pins.pin('docker/bake-action').version).toBe('v7.4.0');
    expect(pins.pin('actions/checkout')).toEqual(ACTION_PINS['actions/checkout']);
  });

  test.each([
    ['v7'],
    ['main'],
    [`${'a'.repeat(39)} # v1.0.0`],
    [`${'a'.repeat(41)} # v1.0.0`],
    [`${'g'.repeat(40)} # v1.0.0`],
    [`${'a'.repeat(40)}`],
    [`${'a'.repeat(40)} # latest`],
  ])('rejects the override "%s" with the form it needs', spec => {
    expect(new ActionPins({ 'actions/checkout': spec }).validate()).toEqual([
      `actionPins: "actions/checkout" must be pinned as "<40-hex commit sha> # vX.Y.Z", got "${spec}": a tag or a short SHA can be moved or collide, a full commit SHA cannot`,
    ]);
  });

  test('rejects an override of an action the workflow does not use, listing those it does', () => {
    const [problem] = new ActionPins({ 'actions/chekout': `${'a'.repeat(40)} # v7.0.1` }).validate();
    expect(problem).toContain('"actions/chekout" is not an action the workflow uses; pin one of actions/checkout, ');
  });
});
