import { referenceWithContexts } from './reference-stack-contexts';
import { LucidApp, Testing } from '../../src';

/**
 * The Lucid reference stack in a throwaway project, with its app folder at `examples/lucid` (as in the repository) and the hand-written files of
 * its build contexts in place (as in the repository), so its compliance report matches the committed one.
 */
export function referenceApp(): LucidApp {
  return referenceWithContexts('examples/lucid');
}

/** The files the reference stack synthesizes, keyed by their path in the app's folder. */
export function referenceFiles(): { [path: string]: string } {
  return Testing.synth(referenceApp());
}
