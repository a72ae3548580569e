import * as path from 'path';
import { IConstruct } from 'constructs';
import { isServiceDockerfile } from '../../../images/image-lookup';
import { chainFamily, chainRootRef, effectiveCommand } from '../../../images/stage-inheritance';
import { lookupProgram } from '../../../images/stage-paths';
import { show, showArgs } from '../../finding-format';
import { IRule, RuleResult } from '../../rule';
import { asRuntimeStage } from '../../rule-targets';

/**
 * The program ENTRYPOINT (or CMD) starts exists in the runtime image.
 *
 * Checks the runtime (final) stage of every image: the program of its ENTRYPOINT (own, inherited from an earlier
 * stage or an image of the app it is built FROM, else the distroless image's own) or, when there is none, of its
 * CMD, is looked up as the container runtime does (a path as is, a bare name in PATH) among the paths the image is
 * known to have: the distroless family's interpreter, and what the Dockerfile copies in. An ENTRYPOINT inherited
 * from another image of the app is checked on that image. A service with neither ENTRYPOINT nor CMD is a
 * violation too: its container has nothing to start. Not checked on images outside the distroless catalogue,
 * whose files are not known.
 */
export class EntrypointExists implements IRule {
  /**
   * Checks one construct.
   * @param construct a runtime (final) stage; any other construct is not applicable
   */
  public evaluate(construct: IConstruct): RuleResult {
    const stage = asRuntimeStage(construct);
    if (!stage) {
      return RuleResult.notApplicable();
    }
    const family = chainFamily(stage);
    const command = effectiveCommand(stage);
    if (!command) {
      if (!isServiceDockerfile(stage.dockerfile)) {
        return RuleResult.notApplicable();
      }
      return RuleResult.nonCompliant([{
        value: 'no ENTRYPOINT or CMD',
        fix: `set the program the service runs in exec form: useEntrypoint([${family?.interpreterPath ? show(family.interpreterPath) : '"/absolute/path"'}, ...])`,
      }]);
    }
    if (command.stage && command.stage.dockerfile !== stage.dockerfile) {
      // Inherited from another image of the app, which is checked itself (a service only adds files to it).
      return RuleResult.compliant();
    }
    const program = command.args[0];
    const found = lookupProgram(stage, program);
    if (found.status !== 'missing') {
      return RuleResult.compliant();
    }
    const value = `${command.kind} ${showArgs(command.args)}`;
    const interpreter = family?.interpreterPath;
    const name = path.posix.basename(program);
    const sameInterpreter = interpreter !== undefined && interpreterName(name) === interpreterName(path.posix.basename(interpreter));
    const where = found.searched ? `in none of the PATH directories (${found.searched.join(', ')})` : `at ${found.path}`;
    return RuleResult.nonCompliant([{
      value,
      fix: sameInterpreter
        ? `${show(program)} does not exist in ${chainRootRef(stage)}: its ${name} is ${interpreter}. Use ${command.kind} ${showArgs([interpreter!, ...command.args.slice(1)])}`
        : `${show(program)} is not in the image (${chainRootRef(stage) ?? 'its base'} and what the Dockerfile copies) ${where}: `
          + `copy it in, or start a program the image has${interpreter ? ` (its interpreter is ${interpreter})` : ''}`,
    }]);
  }
}

/** `python3.11` and `python3` are both Python, `nodejs` and `node` both Node. */
function interpreterName(name: string): string {
  if (/^python[0-9.]*$/.test(name)) {
    return 'python';
  }
  return name === 'nodejs' ? 'node' : name;
}
