import { IConstruct } from 'constructs';
import { exposeLabelPorts } from '../../../core/expose-label';
import { LucidLabel } from '../../../core/labels';
import { Stage } from '../../../dockerfile';
import { imageOf } from '../../../images/image-lookup';
import { effectiveExposes, effectiveLabels } from '../../../images/stage-inheritance';
import { LucidService } from '../../../service/lucid-service';
import { show } from '../../finding-format';
import { ComplianceViolation, IRule, RuleResult } from '../../rule';
import { asServiceRuntimeStage } from '../../rule-targets';

/**
 * A service exposes exactly its declared port, and org.lucid.expose names the same port.
 *
 * Checks the runtime (final) stage of every service: a LucidService, whose declared port is its `port`, or a
 * Dockerfile outside any image, whose declared ports are those of its `org.lucid.expose` label (not applicable
 * when it has none). The ports the stage exposes include those it inherits from the images of the app it is built
 * FROM (EXPOSE is inherited). Ports exposed but not declared are one violation, naming the stages that expose
 * them; a declared port not exposed is another; an `org.lucid.expose` label other than the LucidService's port is
 * a third. An absent or malformed label is LUCID-LBL1's to report.
 */
export class ExposeMatchesPort implements IRule {
  /**
   * Checks one construct.
   * @param construct the runtime (final) stage of a service; any other construct is not applicable
   */
  public evaluate(construct: IConstruct): RuleResult {
    const stage = asServiceRuntimeStage(construct);
    if (!stage) {
      return RuleResult.notApplicable();
    }
    const image = imageOf(stage.dockerfile);
    const service = image && LucidService.isLucidService(image) ? image : undefined;
    const label = effectiveLabels(stage)[LucidLabel.EXPOSE];
    const labelPorts = label !== undefined ? exposeLabelPorts(label) : undefined;
    const declared = service ? [service.port] : labelPorts;
    if (declared === undefined) {
      return RuleResult.notApplicable();
    }
    const violations: ComplianceViolation[] = [];
    const exposed = effectiveExposes(stage);
    const declaredText = declared.join(', ');

    const extra = exposed.filter(e => !declared.includes(e.value.port));
    if (extra.length > 0) {
      const inherited = [...new Set(extra
        .filter(e => e.stage.dockerfile !== stage.dockerfile)
        .map(e => imageOf(e.stage.dockerfile)?.node.id ?? e.stage.node.path))];
      violations.push({
        value: extra.map(e => `EXPOSE ${e.value.port}/${e.value.protocol}${origin(e.stage, stage)}`).join(', '),
        fix: `the service listens on ${declaredText} only: ` + (inherited.length > 0
          ? `build ${inherited.join(', ')} without exposing ports (its "ports" are exposed by every image built on it), and `
          : '') + 'expose only the declared port',
      });
    }
    const missing = declared.filter(p => !exposed.some(e => e.value.port === p));
    if (missing.length > 0) {
      violations.push({
        value: `no EXPOSE ${missing.join(', ')}`,
        fix: `add EXPOSE ${missing.join(', ')} to the runtime stage (addExpose()): the service is declared to listen there`,
      });
    }
    if (service && label !== undefined && labelPorts !== undefined && !(labelPorts.length === 1 && labelPorts[0] === service.port)) {
      violations.push({
        value: `LABEL ${LucidLabel.EXPOSE}=${show(label)}`,
        fix: `the service's port is ${service.port}: label it org.lucid.expose="${service.port}"`,
      });
    }
    return RuleResult.of(violations);
  }
}

/** Where an inherited EXPOSE comes from, as findings show it. */
function origin(from: Stage, stage: Stage): string {
  if (from === stage) {
    return '';
  }
  if (from.dockerfile === stage.dockerfile) {
    return ` (from stage ${from.name})`;
  }
  return ` (inherited from ${imageOf(from.dockerfile)?.node.id ?? from.node.path})`;
}
