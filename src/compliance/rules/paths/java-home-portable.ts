import { IConstruct } from 'constructs';
import { InstructionKind, Stage } from '../../../dockerfile';
import { show } from '../../finding-format';
import { ComplianceViolation, IRule, RuleResult } from '../../rule';

/** CPU architecture names as Debian, Docker, the JDK vendors and uname write them. */
const ARCHITECTURE = /(^|[^a-z0-9])(amd64|arm64|aarch64|x86_64|x64|ppc64le|s390x|riscv64|armhf|i386)(?![a-z0-9])/i;

/**
 * JAVA_HOME and other Java paths do not name a CPU architecture.
 *
 * Checks every stage, builders included: an ENV `JAVA_HOME`, or any ENV whose value names a path under
 * `/usr/lib/jvm/`, that contains an architecture (amd64, arm64, aarch64, x86_64, x64, ppc64le, s390x, riscv64,
 * armhf, i386) is a violation, one per ENV: the path exists on one platform only, and Lucid builds for several.
 */
export class JavaHomePortable implements IRule {
  /**
   * Checks one construct.
   * @param construct a stage; any other construct is not applicable
   */
  public evaluate(construct: IConstruct): RuleResult {
    if (!Stage.isStage(construct)) {
      return RuleResult.notApplicable();
    }
    const violations: ComplianceViolation[] = [];
    for (const i of construct.instructions) {
      const value = i.value ?? '';
      if (i.kind !== InstructionKind.ENV || !(i.key === 'JAVA_HOME' || value.includes('/usr/lib/jvm/'))) {
        continue;
      }
      const arch = ARCHITECTURE.exec(value);
      if (!arch) {
        continue;
      }
      violations.push({
        value: `ENV ${i.key}=${show(value)}`,
        fix: `${arch[2]} names one CPU architecture, and Lucid builds for several (arm64 included): `
          + (i.key === 'JAVA_HOME'
            ? 'do not set JAVA_HOME in a distroless runtime (run /usr/bin/java, or a jlink runtime at /opt/jre with JavaBase jlinkModules); '
              + 'in a builder, keep the JAVA_HOME its image sets (eclipse-temurin: /opt/java/openjdk)'
            : 'use an architecture-neutral path: /usr/bin/java, or a jlink runtime at /opt/jre (JavaBase jlinkModules)'),
      });
    }
    return RuleResult.of(violations);
  }
}
