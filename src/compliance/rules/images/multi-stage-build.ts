import { IConstruct } from 'constructs';
import { Dockerfile } from '../../../dockerfile';
import { appImage, isBaseImage } from '../../../images/image-lookup';
import { rootStage } from '../../../images/stage-inheritance';
import { fromLine } from '../../finding-format';
import { IRule, RuleResult } from '../../rule';

/**
 * A service's Dockerfile is built in stages: at least two, with the runtime (final) stage copying from a builder
 * stage; or its runtime is built FROM an image of the app (a base image, itself built in stages). Base images
 * are not checked; a Dockerfile outside any Lucid image counts as a service.
 */
export class MultiStageBuild implements IRule {
  /**
   * Checks the Dockerfile of a service; not applicable to anything else.
   * @param construct any construct of the app
   */
  public evaluate(construct: IConstruct): RuleResult {
    if (!Dockerfile.isDockerfile(construct) || isBaseImage(construct)) {
      return RuleResult.notApplicable();
    }
    const stages = construct.stages;
    const runtime = construct.finalStage;
    if (!runtime) {
      // nothing to build: the Dockerfile's validation reports it
      return RuleResult.notApplicable();
    }
    if (appImage(runtime, rootStage(runtime).baseImage.imageRef)) {
      return RuleResult.compliant();
    }
    if (stages.length === 1) {
      return RuleResult.nonCompliant([{
        value: `a single stage, ${fromLine(runtime)}`,
        fix: 'install and build in a builder stage (FROM an image with the build tools), then build the runtime stage FROM a distroless image and COPY --from=builder only what runs; or build FROM a Lucid base image of the app',
      }]);
    }
    const builders = new Set(stages.filter(s => s !== runtime).map(s => s.name));
    if (runtime.copies().some(c => c.fromStageName !== undefined && builders.has(c.fromStageName))) {
      return RuleResult.compliant();
    }
    return RuleResult.nonCompliant([{
      value: `runtime stage "${runtime.name}" copies nothing from the stage${builders.size === 1 ? '' : 's'} before it (${[...builders].join(', ')})`,
      fix: `COPY --from=<builder stage> the build's result into "${runtime.name}" (the venv, node_modules, the jar), or drop the unused stages and build FROM a Lucid base image of the app`,
    }]);
  }
}
