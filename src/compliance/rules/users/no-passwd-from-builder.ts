import * as path from 'path';
import { IConstruct } from 'constructs';
import { CopyInstruction, Stage } from '../../../dockerfile';
import { globRegExp } from '../../../dockerfile/copy-glob';
import { copyDestination } from '../../../images/stage-paths';
import { DistrolessUser } from '../../../runtimes';
import { copyLine } from '../../finding-format';
import { IRule, RuleResult } from '../../rule';
import { asRuntimeStage } from '../../rule-targets';

/** The user databases of the runtime image, which distroless provides. */
const USER_DATABASES = ['/etc/passwd', '/etc/group', '/etc/shadow', '/etc/gshadow'];

/**
 * The runtime (final) stage never overwrites its `/etc/passwd`, `/etc/group`, `/etc/shadow` or `/etc/gshadow`
 * with COPY: neither a copy whose destination is one of them (or a folder where a source of that name lands),
 * nor a copy of a folder that holds them (`/etc`, `/`) from a stage or an image onto the same place. All such
 * copies of a stage are one mistake, reported together.
 */
export class NoPasswdFromBuilder implements IRule {
  /**
   * Checks a runtime stage; not applicable to anything else.
   * @param construct any construct of the app
   */
  public evaluate(construct: IConstruct): RuleResult {
    const stage = asRuntimeStage(construct);
    if (!stage) {
      return RuleResult.notApplicable();
    }
    const offending = stage.copies().filter(c => overwritten(c, stage).length > 0);
    if (offending.length === 0) {
      return RuleResult.compliant();
    }
    const files = [...new Set(offending.flatMap(c => overwritten(c, stage)))];
    return RuleResult.nonCompliant([{
      value: offending.map(copyLine).join('; '),
      fix: `remove ${offending.length === 1 ? 'this COPY' : 'these COPY lines'}: they replace the runtime's ${files.join(', ')}, ` +
        `dropping distroless's nonroot (${DistrolessUser.NONROOT_UID}) and nobody users; ` +
        `run as USER ${DistrolessUser.NONROOT_UID}:${DistrolessUser.NONROOT_GID}, which distroless already has`,
    }]);
  }
}

/** The user databases a COPY of the stage writes over. */
function overwritten(copy: CopyInstruction, stage: Stage): string[] {
  const written = copyDestination(copy, stage);
  const dest = written.length > 1 ? written.replace(/\/+(\.)?$/, '') : written;
  const intoFolder = copy.destination.endsWith('/') || copy.destination.endsWith('/.') || copy.sources.length > 1;
  const out = new Set<string>();
  for (const source of copy.sources) {
    const glob = /[*?[]/.test(path.posix.basename(source));
    for (const file of USER_DATABASES) {
      // the source is a file: it lands as the destination, or under it with its own name
      const name = path.posix.basename(source);
      const landsAsFile = intoFolder || glob
        ? dest === path.posix.dirname(file) && globRegExp(name).test(path.posix.basename(file))
        : dest === file;
      // the source is a folder of a stage or an image: its content lands under the destination
      const folder = copy.fromContext || glob ? undefined : path.posix.normalize(path.posix.join('/', source));
      const inFolder = folder !== undefined && (folder === '/' || file.startsWith(`${folder.replace(/\/$/, '')}/`));
      const landsFromFolder = inFolder && path.posix.join(dest, path.posix.relative(folder!, file)) === file;
      if (landsAsFile || landsFromFolder) {
        out.add(file);
      }
    }
  }
  return [...out];
}
