import { parse } from 'yaml';

const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

/**
 * Checks compose files against the official compose-spec JSON schema, with an ajv instance the caller brings
 * (ajv 6 or 8), so that lucid-cdk itself does not depend on ajv.
 *
 * ```ts
 * import Ajv from 'ajv';
 * const schema = JSON.parse(fs.readFileSync('compose-spec.json', 'utf-8'));
 * const problems = ComposeSchema.validate(new Ajv({ allErrors: true, strict: false }), schema, yamlText);
 * ```
 *
 * @see https://github.com/compose-spec/compose-spec/blob/main/schema/compose-spec.json
 */
export class ComposeSchema {
  /**
   * The problems the schema finds in `yamlText` (a rendered compose file), one line each as
   * `<JSON path> <message>`; an empty list when the file is valid.
   *
   * The official schema names its meta-schema `https://json-schema.org/draft-07/schema`, an address ajv does not
   * register; it is compiled as the draft-07 schema it declares to be.
   *
   * @param ajv an ajv instance (`new Ajv({ allErrors: true })`; ajv 8 also needs `strict: false`)
   * @param schema the parsed compose-spec JSON schema
   * @param yamlText the compose file
   */
  public static validate(ajv: any, schema: any, yamlText: string): string[] {
    const document = parse(yamlText);
    const normalized = typeof schema.$schema === 'string' && schema.$schema.includes('draft-07')
      ? { ...schema, $schema: DRAFT_07 }
      : schema;
    // ajv 8 registers a compiled schema under its $id and refuses to compile a second one with the same id.
    const check = (typeof schema.$id === 'string' ? ajv.getSchema(schema.$id) : undefined) ?? ajv.compile(normalized);
    if (check(document)) {
      return [];
    }
    return (check.errors ?? []).map((e: any) => {
      const where = e.instancePath ?? e.dataPath ?? '';
      const extra = e.params?.additionalProperty !== undefined ? ` (${e.params.additionalProperty})` : '';
      return `${where === '' ? '/' : where} ${e.message}${extra}`;
    });
  }
}
