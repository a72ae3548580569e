// Registers json-loader.mjs: @actions/workflow-parser imports its JSON schema without import attributes, which
// Node 20 rejects; the hook loads `.json` modules as JSON.
import { register } from 'node:module';

register('./json-loader.mjs', import.meta.url);
