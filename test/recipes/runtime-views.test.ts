import { ServiceRuntime } from '../../src';
import { GoRecipeRuntime } from '../../src/recipes/go';
import { JavaRecipeRuntime } from '../../src/recipes/java';
import { NodeRecipeRuntime } from '../../src/recipes/node';
import { PythonRecipeRuntime } from '../../src/recipes/python';

// The recipes read a service's runtime through views of their own (they sit below the image classes its options
// name): a view that no longer fits ServiceRuntime fails to compile here.
test('a ServiceRuntime is what each recipe reads', () => {
  // GIVEN
  const runtime: ServiceRuntime = ServiceRuntime.python({ source: 'src' });
  // WHEN
  const views: [PythonRecipeRuntime, JavaRecipeRuntime, NodeRecipeRuntime, GoRecipeRuntime] = [runtime, runtime, runtime, runtime];
  // THEN
  expect(views[0].pythonOptions?.source).toBe('src');
});
