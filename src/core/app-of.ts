import { IConstruct } from 'constructs';
import type { ILucidApp } from './app';
import { notInsideLucidApp } from './errors';

// Lookups that images and services need at construction, typed against ILucidApp: the app sits above the
// images and emitters, which never import it.

/** The brand of a LucidApp (a symbol, so two copies of the library recognize each other's apps). @internal */
export const LUCID_APP = Symbol.for('lucid-cdk.LucidApp');

/** Metadata type of warnings recorded on constructs. @internal */
export const WARNING_METADATA = 'lucid-cdk:warning';

/** The LucidApp that `construct` belongs to, or undefined outside one. @internal */
export function tryAppOf(construct: IConstruct): ILucidApp | undefined {
  return construct.node.scopes.slice().reverse().find(s => LUCID_APP in s) as unknown as ILucidApp | undefined;
}

/** The LucidApp that `construct` belongs to. @internal */
export function appOf(construct: IConstruct): ILucidApp {
  const app = tryAppOf(construct);
  if (!app) {
    throw notInsideLucidApp(construct.node.path);
  }
  return app;
}

/** Records a warning on a construct; printed at synthesis. @internal */
export function warn(construct: IConstruct, message: string): void {
  construct.node.addMetadata(WARNING_METADATA, message);
}

/**
 * `reference` as the files of `construct`'s app write it: pinned to its digest when the app's image lock holds
 * it (`name:tag@sha256:…`), else unchanged (outside an app, or without a lock). @internal
 */
export function lockedImage(construct: IConstruct, reference: string): string {
  return tryAppOf(construct)?.imageLock?.pin(reference) ?? reference;
}
