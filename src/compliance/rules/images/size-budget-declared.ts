import { IConstruct } from 'constructs';
import { Dockerfile } from '../../../dockerfile';
import { imageOf } from '../../../images/image-lookup';
import { IRule, RuleResult } from '../../rule';

/**
 * Every Dockerfile has a size budget that CI and the end-to-end suite check: it belongs to a Lucid image whose
 * `sizeBudgetMb` is a positive, finite number. A Dockerfile outside any Lucid image has no budget.
 */
export class SizeBudgetDeclared implements IRule {
  /**
   * Checks a Dockerfile; not applicable to anything else.
   * @param construct any construct of the app
   */
  public evaluate(construct: IConstruct): RuleResult {
    if (!Dockerfile.isDockerfile(construct)) {
      return RuleResult.notApplicable();
    }
    const image = imageOf(construct);
    if (!image) {
      return RuleResult.nonCompliant([{
        value: `Dockerfile "${construct.node.id}" is not part of a Lucid image, so it has no size budget`,
        fix: 'build it as a Lucid image (a LucidService, or a base image such as DistrolessPythonBase), whose sizeBudgetMb ' +
          'is derived from its runtime or set explicitly, and which CI and the end-to-end suite measure',
      }]);
    }
    let budget: number;
    try {
      budget = image.sizeBudgetMb;
    } catch (e: any) {
      return RuleResult.nonCompliant([{
        value: `sizeBudgetMb cannot be read (${String(e?.message ?? e).split('\n')[0]})`,
        fix: `give ${image.node.id} an explicit sizeBudgetMb, a positive number of MB`,
      }]);
    }
    if (typeof budget === 'number' && Number.isFinite(budget) && budget > 0) {
      return RuleResult.compliant();
    }
    return RuleResult.nonCompliant([{
      value: `sizeBudgetMb ${String(budget)}`,
      fix: `give ${image.node.id} a positive, finite sizeBudgetMb (the image's limit in MB), e.g. 100 for Python or 150 for Java`,
    }]);
  }
}
