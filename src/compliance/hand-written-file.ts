import * as fs from 'fs';
import * as path from 'path';
import { Construct } from 'constructs';
import { parse } from 'yaml';
import type { ILucidApp } from '../core/app';
import { appOf } from '../core/app-of';
import { DocumentKind, IDocument, markDocument } from '../core/document';
import { handWrittenFileNotMapping, unreadableDockerfileLine, unreadableHandWrittenFile } from '../core/errors';
import { memo } from '../core/tree-index';
import { Dockerfile } from '../dockerfile/dockerfile';
import { readDockerfileText } from '../dockerfile/read';

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
 * A compose file, workflow or Dockerfile that a repository keeps by hand, brought under the app's rule packs and
 * judged by the same rules as the files the app writes, with the same suppressions and the same report.
 * lucid-cdk never writes it.
 *
 * A compose file or workflow is read through a YAML parser, as its consumer reads it, when the app is checked.
 * A Dockerfile is read at construction, through dockerfile-ast's parser, into a `Dockerfile` of the model
 * (`dockerfile`), whose stages the image rules judge; what the model cannot hold (ADD, VOLUME, SHELL, ONBUILD,
 * MAINTAINER, COPY heredocs) is a validation error naming its line. RUN's mounts and network are not read.
 *
 * @example
 * new HandWrittenFile(app, 'legacy-compose', { path: 'legacy/docker-compose.yml', kind: DocumentKind.COMPOSE });
 * new HandWrittenFile(app, 'legacy-api', { path: 'legacy/api/Dockerfile', kind: DocumentKind.DOCKERFILE });
 */
export class HandWrittenFile extends Construct implements IDocument {
  public readonly documentKind: DocumentKind;
  public readonly documentPath: string;
  public readonly generated = false;
  /** The Dockerfile read from the file, for a Dockerfile (`undefined` for other kinds). */
  public readonly dockerfile?: Dockerfile;
  private readonly app: ILucidApp;
  private readonly dockerfileProblems: string[] = [];

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
    if (props.kind === DocumentKind.DOCKERFILE) {
      this.dockerfile = new Dockerfile(this, 'Dockerfile');
      const text = this.readText();
      if (typeof text === 'string') {
        this.dockerfileProblems.push(...readDockerfileText(this.dockerfile, text)
          .map(p => unreadableDockerfileLine(this.node.path, this.documentPath, p).problem));
      } else {
        this.dockerfileProblems.push(text.problem);
      }
      this.node.addValidation({ validate: () => [...this.dockerfileProblems] });
    } else {
      this.node.addValidation({ validate: () => this.read().problems });
    }
  }

  /** The file's content as a plain object, or `{}` when it cannot be read (validation reports why). */
  public documentObject(): any {
    return this.documentKind === DocumentKind.DOCKERFILE ? {} : this.read().object;
  }

  /** The file's text, or the problem of reading it. */
  private readText(): string | { problem: string } {
    try {
      return fs.readFileSync(path.join(this.app.project.outdir, this.documentPath), 'utf-8');
    } catch (e: any) {
      return { problem: unreadableHandWrittenFile(this.node.path, this.documentPath, String(e?.code ?? e?.message ?? e).split('\n')[0]).problem };
    }
  }

  /** Reads and parses the file once per synthesis. */
  private read(): { object: any; problems: string[] } {
    return memo(this.app, `hand-written:${this.node.path}`, () => {
      const text = this.readText();
      if (typeof text !== 'string') {
        return { object: {}, problems: [text.problem] };
      }
      let object: unknown;
      try {
        object = parse(text);
      } catch (e: any) {
        return { object: {}, problems: [unreadableHandWrittenFile(this.node.path, this.documentPath, String(e?.message ?? e).split('\n')[0]).problem] };
      }
      if (object === null || typeof object !== 'object' || Array.isArray(object)) {
        return { object: {}, problems: [handWrittenFileNotMapping(this.node.path, this.documentPath, this.documentKind).problem] };
      }
      return { object, problems: [] };
    });
  }
}
