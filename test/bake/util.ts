import { parse } from '@cdktf/hcl2json';

/**
 * Parses HCL with @cdktf/hcl2json (HashiCorp's HCL parser, compiled to WebAssembly). Its output is HCL-JSON:
 * strings still have `${` written `$${` and `%{` written `%%{`, and unevaluated interpolations appear as
 * `${NAME}`.
 */
export async function hcl2json(text: string): Promise<any> {
  return parse('docker-bake.hcl', text);
}

/**
 * Undoes exactly the escaping of HCL-JSON strings: `$${` → `${` and `%%{` → `%{`. (Each `{` has at most one
 * match ending at it, so the replacements are the inverse of the escaping.)
 */
export function unescapeHclJson(value: string): string {
  return value.replace(/\$\$\{/g, () => '${').replace(/%%\{/g, () => '%{');
}

/** The same escaping, applied to a literal value: what HCL-JSON output shows for it. */
export function escapeHclJson(value: string): string {
  return value.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}

/** `unescapeHclJson` applied to every string and key of a JSON value. */
export function unescapeAll(value: any): any {
  if (typeof value === 'string') return unescapeHclJson(value);
  if (Array.isArray(value)) return value.map(unescapeAll);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [unescapeHclJson(k), unescapeAll(v)]));
  }
  return value;
}
