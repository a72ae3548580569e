import { DEBIAN_RECIPE } from './debian';
import { GO_RECIPE } from './go';
import { JAVA_RECIPE } from './java';
import { NATIVE_RECIPE } from './native';
import { NODE_RECIPE } from './node';
import { PYTHON_RECIPE } from './python';
import { LanguageRecipe } from './recipe';
import { unknownRecipe } from '../core/errors';
import { RuntimeLanguage } from '../runtimes';

/** Every recipe, by name. */
const RECIPES: { readonly [name: string]: LanguageRecipe } = {
  [PYTHON_RECIPE.name]: PYTHON_RECIPE,
  [JAVA_RECIPE.name]: JAVA_RECIPE,
  [NODE_RECIPE.name]: NODE_RECIPE,
  [GO_RECIPE.name]: GO_RECIPE,
  [NATIVE_RECIPE.name]: NATIVE_RECIPE,
  [DEBIAN_RECIPE.name]: DEBIAN_RECIPE,
};

/** The recipe of each language a distroless family ships (what base images of that family follow). */
const BY_FAMILY_LANGUAGE: { readonly [language: string]: LanguageRecipe } = {
  [RuntimeLanguage.PYTHON]: PYTHON_RECIPE,
  [RuntimeLanguage.JAVA]: JAVA_RECIPE,
  [RuntimeLanguage.NODEJS]: NODE_RECIPE,
  [RuntimeLanguage.NATIVE]: NATIVE_RECIPE,
};

/**
 * The recipe named `name` (a service runtime's recipe).
 * @internal
 */
export function recipeNamed(name: string): LanguageRecipe {
  const recipe = RECIPES[name];
  if (!recipe) {
    throw unknownRecipe(name, Object.keys(RECIPES));
  }
  return recipe;
}

/**
 * The recipe that images of a family's language follow.
 * @internal
 */
export function recipeForLanguage(language: RuntimeLanguage): LanguageRecipe {
  return BY_FAMILY_LANGUAGE[language] ?? NATIVE_RECIPE;
}

/**
 * Whether `command` is an HTTP probe that one of the recipes generates (it exits 1 outside 200-299).
 * @internal
 */
export function isRecipeProbe(command: string[]): boolean {
  return Object.keys(RECIPES).some(name => RECIPES[name].isOwnProbe(command));
}
