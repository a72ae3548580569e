import { IConstruct } from 'constructs';
import { InstructionKind, Stage } from '../../../dockerfile';
import { chainFamily } from '../../../images/stage-inheritance';
import { RuntimeLanguage } from '../../../runtimes';
import { copyLine, show, showArgs } from '../../finding-format';
import { ComplianceViolation, IRule, RuleResult } from '../../rule';

/** `python3.12` in a path or a name (`/usr/local/lib/python3.12/site-packages`, `libpython3.12.so`). */
const PYTHON_VERSION = /python(\d+\.\d+)/g;

/**
 * Paths that name a Python version (PYTHONPATH, venv and site-packages paths) name the runtime's version.
 *
 * Checks every stage whose runtime family is a Python family (built FROM distroless Python, or FROM an image of
 * the app or an earlier stage that is): each ENV value, COPY source or destination, and ENTRYPOINT, CMD or
 * HEALTHCHECK argument that names `pythonX.Y` with another X.Y than the family's version is a violation, one per
 * ENV or instruction.
 */
export class PythonVersionConsistent implements IRule {
  /**
   * Checks one construct.
   * @param construct a stage; any other construct is not applicable
   */
  public evaluate(construct: IConstruct): RuleResult {
    if (!Stage.isStage(construct)) {
      return RuleResult.notApplicable();
    }
    const family = chainFamily(construct);
    const version = family?.languageVersion;
    if (!family || family.language !== RuntimeLanguage.PYTHON || !version) {
      return RuleResult.notApplicable();
    }
    const violations: ComplianceViolation[] = [];
    const check = (texts: string[], value: string) => {
      const wrong = [...new Set(texts.flatMap(t => [...t.matchAll(PYTHON_VERSION)].map(m => m[1])))].filter(v => v !== version);
      if (wrong.length > 0) {
        violations.push({
          value,
          fix: `the runtime (${family.name}) runs Python ${version}: a python${wrong.join(', python')} path does not exist there. `
            + `Write python${version}${family.pythonSitePackagesPath ? ` (its venv's packages are in <venv>/${family.pythonSitePackagesPath})` : ''}, `
            + 'or derive the paths from the runtime family (DistrolessPythonBase and ServiceRuntime.python build the venv /opt/venv with the runtime\'s interpreter)',
        });
      }
    };
    for (const i of construct.instructions) {
      switch (i.kind) {
        case InstructionKind.ENV:
          check([i.value ?? ''], `ENV ${i.key}=${show(i.value ?? '')}`);
          break;
        case InstructionKind.COPY:
          check([...i.copyInstruction!.sources, i.copyInstruction!.destination], copyLine(i.copyInstruction!));
          break;
        case InstructionKind.ENTRYPOINT:
        case InstructionKind.CMD:
        case InstructionKind.HEALTHCHECK:
          check(i.args ?? [], `${i.kind} ${showArgs(i.args ?? [])}`);
          break;
        default:
          break;
      }
    }
    return RuleResult.of(violations);
  }
}
