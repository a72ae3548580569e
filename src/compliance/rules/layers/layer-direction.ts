import { IConstruct } from 'constructs';
import { LucidService } from '../../../service/lucid-service';
import { ComplianceViolation, IRule, RuleResult } from '../../rule';

/**
 * A service depends only on services of its own or a lower layer.
 *
 * Checks every LucidService: each service in its `dependsOn` (a LucidService or a FoundationService) has a layer
 * lower than or equal to its own. One violation per dependency on a higher layer.
 */
export class LayerDirection implements IRule {
  /**
   * Checks one construct.
   * @param construct a LucidService; any other construct is not applicable
   */
  public evaluate(construct: IConstruct): RuleResult {
    if (!LucidService.isLucidService(construct)) {
      return RuleResult.notApplicable();
    }
    const own = construct.layer;
    const violations: ComplianceViolation[] = [];
    for (const d of construct.dependsOn) {
      if (d === construct || !(d.layer > own)) {
        continue;
      }
      violations.push({
        value: `depends on ${d.serviceName} (layer ${d.layer}) from layer ${own}`,
        fix: `${construct.serviceName} (layer ${own}) may depend only on layers 0 to ${own}: remove the dependency on ` +
          `${d.serviceName}, move what ${construct.serviceName} needs from it down to layer ${own} or lower, or move ` +
          `${construct.serviceName} up to layer ${d.layer}`,
      });
    }
    return RuleResult.of(violations);
  }
}
