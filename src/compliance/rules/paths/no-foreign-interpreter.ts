import * as path from 'path';
import { IConstruct } from 'constructs';
import { CopyInstruction } from '../../../dockerfile';
import { chainFamily } from '../../../images/stage-inheritance';
import { RuntimeFamily, RuntimeLanguage } from '../../../runtimes';
import { copyLine } from '../../finding-format';
import { IRule, RuleResult } from '../../rule';
import { asRuntimeStage } from '../../rule-targets';

/** Where a builder's own Python lives, and what pip installed for it. */
const PYTHON_INSTALL = [/^\/usr\/local\/lib\/python[^/]*(\/|$)/, /^\/usr\/local\/bin\/(python|pip)[^/]*$/];
/** Where a builder's own Node lives, and its global packages. */
const NODE_INSTALL = [/^\/usr\/local\/bin\/(node|nodejs|npm|npx|corepack|yarn|yarnpkg)$/, /^\/usr\/local\/lib\/node_modules(\/|$)/, /^\/usr\/local\/include\/node(\/|$)/];
/** Where JDK and JRE images keep Java. */
const JAVA_INSTALL = [/^\/opt\/java(\/|$)/, /^\/usr\/lib\/jvm(\/|$)/];
/** The whole of /usr/local, or its bin and lib folders: a builder's interpreter and everything installed for it. */
const USR_LOCAL = /^\/usr\/local(\/(bin|lib))?\/?$/;
/** Console scripts that pip writes into /usr/local/bin, with a `#!/usr/local/bin/python` shebang. */
const USR_LOCAL_BIN = /^\/usr\/local\/bin\/[^/]+$/;

/**
 * No interpreter, or anything installed for one, is copied into a runtime that has its own.
 *
 * Checks the runtime (final) stage of every image whose runtime family has an interpreter (Python, Java,
 * Node.js): a COPY from a stage or an image whose source or destination is a builder's interpreter or what was
 * installed for it is a violation. That is `/usr/local/lib/python*`, `/usr/local/bin/python*`, `/usr/local/bin/pip*`
 * and, into a Python runtime, any other `/usr/local/bin/*` (pip's console scripts); `/usr/local/bin/node`, `npm`,
 * `npx` and `/usr/local/lib/node_modules`; a JDK or JRE directory (`/opt/java/...`, `/usr/lib/jvm/...`); the whole
 * of `/usr/local` (or its bin or lib). A copy from a stage on the same runtime family is the runtime's own and is
 * not counted. All such copies of a stage are one violation, listing them.
 */
export class NoForeignInterpreter implements IRule {
  /**
   * Checks one construct.
   * @param construct a runtime (final) stage; any other construct is not applicable
   */
  public evaluate(construct: IConstruct): RuleResult {
    const stage = asRuntimeStage(construct);
    const family = stage ? chainFamily(stage) : undefined;
    if (!stage || !family || !INTERPRETER_LANGUAGES.includes(family.language)) {
      return RuleResult.notApplicable();
    }
    const foreign = stage.copies().filter(c => !c.fromContext && !fromSameRuntime(c, family) && copiesInterpreter(c, family));
    if (foreign.length === 0) {
      return RuleResult.compliant();
    }
    return RuleResult.nonCompliant([{ value: foreign.map(copyLine).join('; '), fix: fixFor(family) }]);
  }
}

const INTERPRETER_LANGUAGES: string[] = [RuntimeLanguage.PYTHON, RuntimeLanguage.JAVA, RuntimeLanguage.NODEJS];

function fromSameRuntime(copy: CopyInstruction, family: RuntimeFamily): boolean {
  return copy.fromStage !== undefined && chainFamily(copy.fromStage) === family;
}

function copiesInterpreter(copy: CopyInstruction, family: RuntimeFamily): boolean {
  const patterns = [...PYTHON_INSTALL, ...NODE_INSTALL, ...JAVA_INSTALL, USR_LOCAL];
  if (family.language === RuntimeLanguage.PYTHON) {
    patterns.push(USR_LOCAL_BIN);
  }
  return [...copy.sources, copy.destination].some(p => {
    const n = p.startsWith('/') ? path.posix.normalize(p) : p;
    return patterns.some(re => re.test(n));
  });
}

function fixFor(family: RuntimeFamily): string {
  switch (family.language) {
    case RuntimeLanguage.PYTHON:
      return `${family.name} has its own Python (${family.interpreterPath}): a builder's /usr/local Python, its site-packages and its console scripts `
        + '(#!/usr/local/bin/python) do not fit it and double the image. Build a venv with the runtime\'s own interpreter '
        + `(${family.builder.image} + ${family.builder.packages.join(' ') || 'python3-venv'}: ${family.builder.interpreterPath ?? family.interpreterPath} -m venv /opt/venv), `
        + 'copy only /opt/venv and run /opt/venv/bin/python3 (DistrolessPythonBase and ServiceRuntime.python do this)';
    case RuntimeLanguage.NODEJS:
      return `${family.name} has its own node (${family.interpreterPath}): copy only the app and its node_modules (e.g. /app), `
        + `and run ${family.interpreterPath} (ServiceRuntime.nodejs and NodeBase do this)`;
    default:
      return `${family.name} has its own Java runtime (${family.interpreterPath}): copy only the application's jar, `
        + 'or build a jlink runtime into /opt/jre and run it on distroless cc (JavaBase with jlinkModules)';
  }
}
