import { defineLucidStack } from '../../examples/lucid/stack';
import { LucidApp, Testing } from '../../src';

/** The Lucid reference stack in a throwaway project, with its app folder at `out`. */
export function referenceApp(): LucidApp {
  return defineLucidStack(Testing.project(), 'out');
}

/** The files the reference stack synthesizes, keyed by their path in the app's folder. */
export function referenceFiles(): { [path: string]: string } {
  return Testing.synth(referenceApp());
}
