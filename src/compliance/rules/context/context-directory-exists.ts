import { IConstruct } from 'constructs';
import { LucidImage } from '../../../images/lucid-image';
import { contextDirectory, generatedFiles, isDirectory } from '../../disk';
import { show } from '../../finding-format';
import { IRule, RuleResult } from '../../rule';

/**
 * A Lucid image's build context directory (`<app folder>/<directory>`) exists on disk: bake builds the image from
 * it, and while it does not, LUCID-CTX1 cannot check what the Dockerfile copies from it. An image that reads
 * nothing from its context but files the app generates there complies: synthesis creates the directory.
 */
export class ContextDirectoryExists implements IRule {
  /**
   * Checks a Lucid image; not applicable to anything else.
   * @param construct any construct of the app
   */
  public evaluate(construct: IConstruct): RuleResult {
    if (!LucidImage.isLucidImage(construct)) {
      return RuleResult.notApplicable();
    }
    const dir = contextDirectory(construct);
    if (isDirectory(dir.absolute)) {
      return RuleResult.compliant();
    }
    let sources: string[];
    try {
      sources = construct.dockerfile.contextSources();
    } catch {
      // the Dockerfile's validation reports what is wrong with it
      sources = [];
    }
    const generated = generatedFiles(construct.app, dir.absolute);
    const handWritten = sources.filter(s => !generated.some(g => g === s || g.startsWith(`${s}/`)));
    if (handWritten.length === 0) {
      return RuleResult.compliant();
    }
    return RuleResult.nonCompliant([{
      value: `build context ${show(dir.shown)} does not exist`,
      fix: `create ${dir.shown} with what the Dockerfile reads from it (${handWritten.join(', ')}), or correct the image's directory`,
    }]);
  }
}
