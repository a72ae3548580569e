import * as fs from 'fs';
import * as path from 'path';
import { Construct } from 'constructs';
import { parse } from 'yaml';
import type { ILucidApp } from '../core/app';
import { appOf } from '../core/app-of';
import { DocumentKind, IDocument, markDocument } from '../core/document';
import { handWrittenFileNotMapping, unreadableHandWrittenFile } from '../core/errors';
import { memo } from '../core/tree-index';

/**
 * Options of a hand-written file.
 */
export interface HandWrittenFileProps {
  /** The file, relative to the app's folder (e.g. `legacy/docker-compose.yml`). */
  readonly path: string;
  /** Its language, which decides the rules that judge it. */
  readonly kind: DocumentKind;
}

/**
 * A compose file or workflow that a repository keeps by hand, brought under the app's rule packs: it is read
 * through a YAML parser, as its consumer reads it, and judged by the same rules as the files the app writes,
 * with the same suppressions and the same report. lucid-cdk never writes it.
 *
 * @example
 * new HandWrittenFile(app, 'legacy-compose', { path: 'legacy/docker-compose.yml', kind: DocumentKind.COMPOSE });
 */
export class HandWrittenFile extends Construct implements IDocument {
  public readonly documentKind: DocumentKind;
  public readonly documentPath: string;
  public readonly generated = false;
  private readonly app: ILucidApp;

  /**
   * @param scope a construct of the app (the app itself, or a service it belongs to)
   * @param id the construct id
   * @param props the file and its language
   */
  constructor(scope: Construct, id: string, props: HandWrittenFileProps) {
    super(scope, id);
    this.app = appOf(this);
    this.documentKind = props.kind;
    this.documentPath = this.app.filePath(props.path);
    markDocument(this);
    this.node.addValidation({ validate: () => this.read().problems });
  }

  /** The file's content as a plain object, or `{}` when it cannot be read (validation reports why). */
  public documentObject(): any {
    return this.read().object;
  }

  /** Reads and parses the file once per synthesis. */
  private read(): { object: any; problems: string[] } {
    return memo(this.app, `hand-written:${this.node.path}`, () => {
      const file = path.join(this.app.project.outdir, this.documentPath);
      let object: unknown;
      try {
        object = parse(fs.readFileSync(file, 'utf-8'));
      } catch (e: any) {
        return { object: {}, problems: [unreadableHandWrittenFile(this.node.path, this.documentPath, String(e?.code ?? e?.message ?? e).split('\n')[0]).problem] };
      }
      if (object === null || typeof object !== 'object' || Array.isArray(object)) {
        return { object: {}, problems: [handWrittenFileNotMapping(this.node.path, this.documentPath, this.documentKind).problem] };
      }
      return { object, problems: [] };
    });
  }
}
