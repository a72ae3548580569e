import { IConstruct } from 'constructs';
import { DocumentKind, isDocument } from '../../../core/document';
import { ComplianceViolation, IRule, RuleResult } from '../../rule';

/** One service of a compose file, as the file writes it (snake_case keys). */
export interface ComposeServiceEntry {
  /** The service's name. */
  readonly name: string;
  /** The service's mapping, as the file writes it. */
  readonly service: { [key: string]: any };
}

/**
 * A rule that judges every service of a compose file that starts a container (build-only services, `scale: 0`,
 * are skipped), one service at a time. Not applicable to anything but compose files.
 */
export abstract class ComposeServiceRule implements IRule {
  /**
   * Checks a compose file; not applicable to anything else.
   * @param construct any construct of the app
   */
  public evaluate(construct: IConstruct): RuleResult {
    const services = runningServices(construct);
    return services ? RuleResult.of(services.flatMap(e => this.checkService(e))) : RuleResult.notApplicable();
  }

  /**
   * What is wrong with one service (empty: it complies).
   * @param entry the service
   */
  protected abstract checkService(entry: ComposeServiceEntry): ComplianceViolation[];
}

/**
 * The services of a compose file that start a container, or `undefined` when `c` is not a compose file.
 * Build-only services (`scale: 0`, `deploy.replicas: 0`: the base images the app builds) never run, so the
 * run-time rules skip them.
 */
/** @internal */
export function runningServices(c: IConstruct): ComposeServiceEntry[] | undefined {
  if (!isDocument(c, DocumentKind.COMPOSE)) {
    return undefined;
  }
  const services = c.documentObject()?.services;
  if (!isMap(services)) {
    return [];
  }
  return Object.entries(services)
    .filter(([, s]) => isMap(s) && !buildOnly(s))
    .map(([name, service]) => ({ name, service: service as { [key: string]: any } }));
}

/** `scale: 0` or `deploy.replicas: 0`: compose builds the image and starts no container. */
function buildOnly(s: { [key: string]: any }): boolean {
  const zero = (v: unknown) => v !== undefined && v !== null && Number(v) === 0;
  return zero(s.scale) || (isMap(s.deploy) && zero(s.deploy.replicas));
}

/** A list key of a service as strings (compose also accepts one string where a list is meant). */
export function listOf(value: unknown): string[] {
  if (value === undefined || value === null) {
    return [];
  }
  return (Array.isArray(value) ? value : [value]).map(v => String(v));
}

/** `service "name"`, as findings name a compose service. */
export function serviceLabel(e: ComposeServiceEntry): string {
  return `service ${JSON.stringify(e.name)}`;
}

export function isMap(x: unknown): x is { [key: string]: any } {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}
