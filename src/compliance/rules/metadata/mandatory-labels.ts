import { IConstruct } from 'constructs';
import { exposeLabelPorts } from '../../../core/expose-label';
import { LucidLabel } from '../../../core/labels';
import { PORT_RANGE } from '../../../core/port';
import { imageOf, isServiceDockerfile } from '../../../images/image-lookup';
import { effectiveLabels } from '../../../images/stage-inheritance';
import { LucidService } from '../../../service/lucid-service';
import { Plane } from '../../../service/plane';
import { show } from '../../finding-format';
import { ComplianceViolation, IRule, RuleResult } from '../../rule';
import { asRuntimeStage } from '../../rule-targets';

/** The labels every image carries. */
const COMMON_LABELS = ['maintainer', 'version', 'description'];
/** The labels a service carries besides. */
const SERVICE_LABELS: string[] = [LucidLabel.PLANE, LucidLabel.LAYER, LucidLabel.SERVICE, LucidLabel.EXPOSE];
/** Service names, as compose and bake take them. */
const SERVICE_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_-]*$/;

/**
 * The image carries Lucid's mandatory labels: maintainer, version, description and, for services,
 * org.lucid.plane, org.lucid.layer, org.lucid.service and org.lucid.expose, each valid.
 *
 * Checks the runtime (final) stage of every Dockerfile, with the labels it inherits from an image of the app it
 * is built FROM (LABEL is inherited). Services are LucidImages of kind SERVICE and Dockerfiles outside any
 * image. The labels that are absent or empty are one violation, listing them; each invalid value is a violation
 * of its own: a plane other than ops, chain, gui or wallet, a layer other than 0-3, a service name that compose
 * cannot take (or, for a LucidService, other than its serviceName), an expose that is not a port 1-65535 or a
 * comma-separated list of them.
 */
export class MandatoryLabels implements IRule {
  /**
   * Checks one construct.
   * @param construct a runtime (final) stage; any other construct is not applicable
   */
  public evaluate(construct: IConstruct): RuleResult {
    const stage = asRuntimeStage(construct);
    if (!stage) {
      return RuleResult.notApplicable();
    }
    const service = isServiceDockerfile(stage.dockerfile);
    const image = imageOf(stage.dockerfile);
    const lucidService = image && LucidService.isLucidService(image) ? image : undefined;
    const labels = effectiveLabels(stage);
    const required = service ? [...COMMON_LABELS, ...SERVICE_LABELS] : COMMON_LABELS;
    const violations: ComplianceViolation[] = [];

    const missing = required.filter(k => (labels[k] ?? '').trim() === '');
    if (missing.length > 0) {
      violations.push({
        value: `no ${missing.map(k => show(k)).join(', ')} label${missing.length === 1 ? '' : 's'}`,
        fix: image
          ? 'give the image a non-empty description and version, and the app a maintainer: lucid-cdk writes the labels from them'
          : `add ${missing.map(k => `LABEL ${k}="${example(k)}"`).join(', ')} to the runtime stage (addLabel()), or build the image as a LucidService, which sets them`,
      });
    }
    if (!service) {
      return RuleResult.of(violations);
    }

    const plane = labels[LucidLabel.PLANE];
    const planes = Object.values(Plane) as string[];
    if (plane && plane.trim() !== '' && !planes.includes(plane)) {
      violations.push({
        value: `LABEL ${LucidLabel.PLANE}=${show(plane)}`,
        fix: `name exactly one plane: ${planes.join(', ')}`,
      });
    }
    const layer = labels[LucidLabel.LAYER];
    if (layer && layer.trim() !== '' && !/^[0-3]$/.test(layer)) {
      violations.push({
        value: `LABEL ${LucidLabel.LAYER}=${show(layer)}`,
        fix: 'name exactly one layer: 0 (core support), 1 (session pipeline), 2 (service integration) or 3 (advanced)',
      });
    }
    const name = labels[LucidLabel.SERVICE];
    if (name && name.trim() !== '') {
      if (lucidService && name !== lucidService.serviceName) {
        violations.push({
          value: `LABEL ${LucidLabel.SERVICE}=${show(name)}`,
          fix: `the service is named ${show(lucidService.serviceName)}: label it with that name`,
        });
      } else if (!SERVICE_NAME.test(name)) {
        violations.push({
          value: `LABEL ${LucidLabel.SERVICE}=${show(name)}`,
          fix: 'use the compose service name: letters, digits, "-" and "_", starting with a letter or digit',
        });
      }
    }
    const expose = labels[LucidLabel.EXPOSE];
    if (expose && expose.trim() !== '' && exposeLabelPorts(expose) === undefined) {
      violations.push({
        value: `LABEL ${LucidLabel.EXPOSE}=${show(expose)}`,
        fix: `name the port the service listens on (${PORT_RANGE}), or a comma-separated list of them: "8080" or "8080,9090"`,
      });
    }
    return RuleResult.of(violations);
  }
}

function example(key: string): string {
  switch (key) {
    case 'maintainer': return 'Lucid Development Team';
    case 'version': return '1.0.0';
    case 'description': return 'what the image does';
    case LucidLabel.PLANE: return 'ops';
    case LucidLabel.LAYER: return '0';
    case LucidLabel.SERVICE: return 'service-name';
    default: return '8080';
  }
}
