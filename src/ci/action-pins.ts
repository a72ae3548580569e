import { noActionPin } from '../core/errors';

// The one catalogue of third-party actions the generated workflows use, each pinned to a full commit SHA with the
// release it was resolved from. Tags can move: in March 2026, 76 of 77 tags of aquasecurity/trivy-action were
// force-pushed to credential-stealing code (CVE-2026-33634); a commit SHA cannot be moved.
//
// Each pin records where the SHA was confirmed. To update one, resolve the release tag to its commit (for an
// annotated tag, the commit it points at, not the tag object) and change SHA and version together. Users override
// any pin through `ImagesWorkflowOptions.actionPins`.

/** A pinned action. */
export interface ActionPin {
  /** The full 40-hex commit SHA. */
  readonly sha: string;
  /** The release the SHA was resolved from, e.g. `v7.3.0`. */
  readonly version: string;
}

/** The actions the workflows use, by `owner/repo`. */
export const ACTION_PINS: { readonly [action: string]: ActionPin } = {
  // Confirmed in many public workflows pinning `# v7.0.1` (node24 major).
  'actions/checkout': { sha: '3d3c42e5aac5ba805825da76410c181273ba90b1', version: 'v7.0.1' },
  // Confirmed in several public workflows pinning `# v7.0.0`.
  'actions/setup-node': { sha: '820762786026740c76f36085b0efc47a31fe5020', version: 'v7.0.0' },
  // Confirmed in many public workflows and pull requests pinning `# v7.0.1`.
  'actions/upload-artifact': { sha: '043fb46d1a93c77aae656e7c1c64a875d1fc6a0a', version: 'v7.0.1' },
  // Confirmed in many public workflows and pull requests pinning `# v8.0.1` (v8 reads what upload-artifact v7 writes).
  'actions/download-artifact': { sha: '3e5f45b2cfb9172054b4087a40e8e0b5a5461e7c', version: 'v8.0.1' },
  // Confirmed in several public workflows pinning `# v4.2.0`.
  'docker/setup-qemu-action': { sha: '96fe6ef7f33517b61c61be40b68a1882f3264fb8', version: 'v4.2.0' },
  // Confirmed in many public workflows pinning `# v4.4.1`.
  'docker/setup-buildx-action': { sha: 'f87e5991a6d7451dcb8d9637bfbc97413f497069', version: 'v4.4.1' },
  // Confirmed in many public workflows pinning `# v4.6.0`.
  'docker/login-action': { sha: 'dbcb813823bdd20940b903addbd779551569679f', version: 'v4.6.0' },
  // Confirmed in several public workflows pinning `# v7.3.0`. v7 merged `workdir` into `source`.
  'docker/bake-action': { sha: 'd3418bd7d0e9324001bca92fa8ba175ea7e6dc9b', version: 'v7.3.0' },
  // 0.35.0 is the one release whose tag was not force-pushed in March 2026, as the maintainers stated in
  // aquasecurity/trivy-action#541; the SHA is the one the advisory GHSA-69fq-xp46-6x23 responses pin.
  'aquasecurity/trivy-action': { sha: '57a97c7e7821a5776cebc9bb87c984fa69cba8f1', version: 'v0.35.0' },
};

/** `<sha> # <version>`, as an override is written. */
const PIN_SPEC = /^\s*([0-9a-fA-F]{40})\s*#\s*(\S+)\s*$/;
/** A release version: `v1`, `v1.2`, `v1.2.3`, optionally with a pre-release or build suffix. */
const VERSION = /^v?\d+(\.\d+){0,2}([-+][0-9A-Za-z.-]+)?$/;

/**
 * The pins a workflow uses: the catalogue with a user's overrides applied.
 */
export class ActionPins {
  private readonly pins: { [action: string]: ActionPin };
  private readonly problems: string[] = [];

  /**
   * @param overrides `owner/repo` → `<40-hex sha> # <version>`
   */
  constructor(overrides: { [action: string]: string } = {}) {
    this.pins = { ...ACTION_PINS };
    for (const action of Object.keys(overrides).sort()) {
      const spec = overrides[action];
      if (!(action in ACTION_PINS)) {
        this.problems.push(`actionPins: "${action}" is not an action the workflow uses; pin one of ${Object.keys(ACTION_PINS).sort().join(', ')}`);
        continue;
      }
      const m = PIN_SPEC.exec(spec);
      if (!m || !VERSION.test(m[2])) {
        this.problems.push(`actionPins: "${action}" must be pinned as "<40-hex commit sha> # vX.Y.Z", got "${spec}": ` +
          'a tag or a short SHA can be moved or collide, a full commit SHA cannot');
        continue;
      }
      this.pins[action] = { sha: m[1].toLowerCase(), version: m[2] };
    }
  }

  /** Problems with the overrides (empty when valid). */
  public validate(): string[] {
    return [...this.problems];
  }

  /** The `uses:` value of an action: `owner/repo@<sha>`. */
  public uses(action: string): string {
    const pin = this.pin(action);
    return `${action}@${pin.sha}`;
  }

  /** The pin of an action of the catalogue. */
  public pin(action: string): ActionPin {
    const pin = this.pins[action];
    if (!pin) {
      throw noActionPin(action);
    }
    return pin;
  }

  /** Every pin, by `owner/repo` (sorted). */
  public all(): { [action: string]: ActionPin } {
    const out: { [action: string]: ActionPin } = {};
    for (const action of Object.keys(this.pins).sort()) {
      out[action] = this.pins[action];
    }
    return out;
  }
}
