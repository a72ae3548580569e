import { IConstruct } from 'constructs';
import { Stage } from '../../../dockerfile';
import { isDistroless, parseRef } from '../../../dockerfile/image-reference-facts';
import { appImage } from '../../../images/image-lookup';
import { rootStage } from '../../../images/stage-inheritance';
import { DistrolessTag, RuntimeFamily, RuntimeLanguage } from '../../../runtimes';
import { fromLine, show } from '../../finding-format';
import { ComplianceViolation, IRule, RuleResult } from '../../rule';
import { asRuntimeStage } from '../../rule-targets';

/** Tags of distroless images that add a busybox shell. */
const DEBUG_TAGS: string[] = [DistrolessTag.DEBUG, DistrolessTag.DEBUG_NONROOT];

/** Words in a repository name that tell its language, and the distroless family to run it on instead. */
const SUGGESTIONS: { words: RegExp; family: RuntimeFamily }[] = [
  { words: /python|pypy/, family: RuntimeFamily.PYTHON3_DEBIAN13 },
  { words: /node|bun/, family: RuntimeFamily.NODEJS22_DEBIAN13 },
  { words: /temurin|openjdk|jdk|jre|java|maven|gradle|corretto/, family: RuntimeFamily.JAVA21_DEBIAN13 },
];

/**
 * The runtime (final) stage is built FROM a distroless image (not a `:debug` tag, which adds a shell), FROM an
 * image of the app (whose own runtime stage this rule checks in its own Dockerfile), or FROM an earlier stage
 * that is itself built so. Builder stages may use any image: the rule does not apply to them.
 */
export class RuntimeBaseIsDistroless implements IRule {
  /**
   * Checks a runtime stage; not applicable to anything else.
   * @param construct any construct of the app
   */
  public evaluate(construct: IConstruct): RuleResult {
    const stage = asRuntimeStage(construct);
    if (!stage) {
      return RuleResult.notApplicable();
    }
    const violation = check(stage);
    return RuleResult.of(violation ? [violation] : []);
  }
}

function check(stage: Stage): ComplianceViolation | undefined {
  const root = rootStage(stage);
  const written = root.baseImage.imageRef;
  if (root.baseImage.stage) {
    // a cycle of stages: the Dockerfile's validation reports it
    return undefined;
  }
  if (appImage(stage, written)) {
    return undefined;
  }
  const ref = parseRef(written);
  if (ref && isDistroless(ref)) {
    if (ref.tag === undefined || !DEBUG_TAGS.includes(ref.tag)) {
      return undefined;
    }
    return {
      value: fromLine(stage),
      fix: `${ref.tag === DistrolessTag.DEBUG ? 'the debug tag adds a busybox shell (and runs as root)' : 'the debug-nonroot tag adds a busybox shell'}: ` +
        `build the runtime FROM ${ref.name}:${DistrolessTag.NONROOT}, and debug with a separate debug build, never in production`,
    };
  }
  const name = ref ? ref.name : written ?? '';
  const family = SUGGESTIONS.find(s => s.words.test(name.split('/').pop() ?? ''))?.family;
  const target = family
    ? family.image()
    : `a distroless image (${[RuntimeFamily.STATIC_DEBIAN13, RuntimeFamily.BASE_DEBIAN13, RuntimeFamily.CC_DEBIAN13].map(f => f.image()).join(', ')}, or a language family)`;
  const builderUse = family?.language === RuntimeLanguage.PYTHON
    ? ` (with a builder that matches it, ${family.builder.image}, to build a venv)`
    : '';
  return {
    value: fromLine(stage),
    fix: `${show(written ?? '')} has a shell or a package manager: use it only in a builder stage, and build the runtime ` +
      `stage FROM ${target}${builderUse}, copying only what runs; or FROM a Lucid base image of the app`,
  };
}
