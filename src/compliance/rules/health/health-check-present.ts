import * as path from 'path';
import { IConstruct } from 'constructs';
import { chainFamily, chainRootRef, effectiveHealthcheck } from '../../../images/stage-inheritance';
import { lookupProgram } from '../../../images/stage-paths';
import { show, showArgs } from '../../finding-format';
import { IRule, RuleResult } from '../../rule';
import { asServiceRuntimeStage } from '../../rule-targets';

/** Programs a Lucid runtime never has (no shell, no network tools, no procps): probes that need them cannot run. */
const SHELL_AND_TOOLS = ['sh', 'bash', 'ash', 'dash', 'zsh', 'busybox', 'curl', 'wget', 'pgrep', 'pidof', 'ps', 'nc', 'netcat'];

/**
 * A service has an exec-form HEALTHCHECK whose program exists in the runtime image.
 *
 * Checks the runtime (final) stage of every service (a LucidImage of kind SERVICE, or a Dockerfile outside any
 * image), with the HEALTHCHECK it inherits from an image of the app it is built FROM. The probe's program must
 * exist: an absolute path the image is known to have (the distroless family's interpreter, or a path the
 * Dockerfile copies in), or a bare name found that way in a directory of PATH (the stage's ENV PATH, inherited,
 * else the family's), as the container runtime looks it up. A shell, curl, wget or pgrep is always a violation:
 * Lucid's runtimes have none of them. When the stage is built on an image outside the distroless catalogue, whose
 * files are not known, only that last check applies.
 */
export class HealthCheckPresent implements IRule {
  /**
   * Checks one construct.
   * @param construct the runtime (final) stage of a service; any other construct is not applicable
   */
  public evaluate(construct: IConstruct): RuleResult {
    const stage = asServiceRuntimeStage(construct);
    if (!stage) {
      return RuleResult.notApplicable();
    }
    const family = chainFamily(stage);
    const interpreter = family?.interpreterPath;
    const hc = effectiveHealthcheck(stage);
    if (!hc) {
      return RuleResult.nonCompliant([{
        value: 'no HEALTHCHECK',
        fix: 'add an exec-form probe run by the runtime\'s own interpreter: build the image as a LucidService (HealthCheck.http() by default), '
          + `or useHealthcheck({ command: [${interpreter ? show(interpreter) : '"/absolute/path/of/a/probe"'}, ...] })`,
      }]);
    }
    const command = hc.value.command;
    const value = `HEALTHCHECK ${showArgs(command)}`;
    const program = command[0] ?? '';
    if (program.trim() === '') {
      return RuleResult.nonCompliant([{ value, fix: 'give the probe in exec form, the program first, e.g. HealthCheck.http() or HealthCheck.exec(["/usr/bin/redis-cli", "ping"])' }]);
    }
    const name = path.posix.basename(program);
    if (SHELL_AND_TOOLS.includes(name)) {
      return RuleResult.nonCompliant([{
        value,
        fix: `${name} is not in a distroless runtime (no shell, no curl, wget or pgrep): use HealthCheck.http(), an HTTP probe run by the `
          + `runtime's own interpreter${interpreter ? ` (${interpreter})` : ''} that fails on any status outside 200-299`,
      }]);
    }
    const found = lookupProgram(stage, program);
    if (found.status !== 'missing') {
      return RuleResult.compliant();
    }
    const where = found.searched ? `in none of the PATH directories (${found.searched.join(', ')})` : `at ${found.path}`;
    return RuleResult.nonCompliant([{
      value,
      fix: `${show(program)} is not in the image (${chainRootRef(stage) ?? 'its base'} and what the Dockerfile copies) ${where}: `
        + `use HealthCheck.http()${interpreter ? `, or a probe run by ${interpreter}` : ''}, or copy the program in and give its absolute path`,
    }]);
  }
}
