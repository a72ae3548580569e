import { IConstruct } from 'constructs';
import { show } from '../../finding-format';
import { IRule, RuleResult } from '../../rule';
import { asRuntimeStage } from '../../rule-targets';

/**
 * The runtime (final) stage runs no commands: no RUN, in shell or exec form. Each RUN is reported on its own.
 */
export class NoRunInRuntimeStage implements IRule {
  /**
   * Checks a runtime stage; not applicable to anything else.
   * @param construct any construct of the app
   */
  public evaluate(construct: IConstruct): RuleResult {
    const stage = asRuntimeStage(construct);
    if (!stage) {
      return RuleResult.notApplicable();
    }
    const builder = stage.dockerfile.stages.find(s => s !== stage)?.name ?? 'builder';
    return RuleResult.of(stage.runs().map(run => ({
      value: run.execForm ? `RUN ${JSON.stringify(run.args ?? [])}` : `RUN ${show(run.command ?? '')}`,
      fix: `move this step into the builder stage ("${builder}") and COPY --from=${builder} only its result into "${stage.name}": ` +
        'the runtime stage only copies files and sets metadata',
    })));
  }
}
