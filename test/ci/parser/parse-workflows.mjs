// Parses each workflow file named on the command line with GitHub's own parser (@actions/workflow-parser, the
// parser of the Actions language service) and prints `{ "<file>": ["<error>", ...] }` as JSON.
// Run with: node --import ./register.mjs parse-workflows.mjs <file>...
import { readFileSync } from 'node:fs';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';

const out = {};
for (const name of process.argv.slice(2)) {
  const parsed = parseWorkflow({ name, content: readFileSync(name, 'utf-8') }, new NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors().map(e => e.message);
  if (errors.length === 0 && parsed.value) {
    // The conversion to the workflow model checks what the schema cannot: job ids, `needs` and their cycles.
    const template = await convertWorkflowTemplate(parsed.context, parsed.value);
    errors.push(...(template.errors ?? []).map(e => e.Message));
  } else if (!parsed.value && errors.length === 0) {
    errors.push('the parser returned no workflow');
  }
  out[name] = errors;
}
process.stdout.write(JSON.stringify(out));
