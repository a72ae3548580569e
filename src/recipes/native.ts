import { LanguageRecipe } from './recipe';

/**
 * Native programs on distroless `static`, `base` or `cc` (StaticBase): no language runtime, so nothing to
 * check beyond the absence of a shell, and no probe of its own.
 * @internal
 */
export const NATIVE_RECIPE: LanguageRecipe = {
  name: 'native',
  defaultBudgetMb: 100,
  compiledProbe: false,
  structureFiles: () => [],
  structureCommands: () => [],
  isOwnProbe: () => false,
};
