// A module `load` hook: every `.json` import is loaded as a JSON module, as if imported `with { type: 'json' }`.
export async function load(url, context, nextLoad) {
  if (url.endsWith('.json')) {
    return nextLoad(url, { ...context, importAttributes: { ...context.importAttributes, type: 'json' }, format: 'json' });
  }
  return nextLoad(url, context);
}
