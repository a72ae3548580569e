import * as fs from 'fs';
import * as path from 'path';
import { DocumentKind, HandWrittenFile, LucidApp, Testing } from '../../../../src';

/** A hand-written file of `kind` holding `text`, in a fresh app. */
export function handWritten(kind: DocumentKind, text: string, app: LucidApp = Testing.app()): { app: LucidApp; file: HandWrittenFile } {
  const relative = `hand/${kind}-${Math.random().toString(36).slice(2)}.yml`;
  const full = path.join(app.project.outdir, app.filePath(relative));
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, text);
  return { app, file: new HandWrittenFile(app, `hand-${path.basename(relative, '.yml')}`, { path: relative, kind }) };
}

/** The findings of `ruleId` on the file, as `value` strings. */
export function findingsOf(kind: DocumentKind, text: string, ruleId: string): string[] {
  const { app, file } = handWritten(kind, text);
  return app.compliance.findings().filter(f => f.ruleId === ruleId && f.path === file.node.path).map(f => f.value);
}
