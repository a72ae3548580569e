import { DockerfileParser } from 'dockerfile-ast';

/** One stage of a parsed Dockerfile: its FROM image, its name, and its instructions (keyword, raw arguments). */
export interface ParsedStage {
  readonly image: string;
  readonly name?: string;
  readonly instructions: { keyword: string; args: string; json?: string[] }[];
}

/**
 * Parses a Dockerfile with dockerfile-ast (a real Dockerfile parser) into stages. Exec-form arguments
 * (ENTRYPOINT, CMD, HEALTHCHECK CMD) are decoded from their JSON array.
 */
export function parseStages(text: string): ParsedStage[] {
  const df = DockerfileParser.parse(text);
  const stages: { image: string; name?: string; instructions: { keyword: string; args: string; json?: string[] }[] }[] = [];
  for (const ins of df.getInstructions()) {
    const keyword = ins.getKeyword();
    const args = ins.getArgumentsContent() ?? '';
    if (keyword === 'FROM') {
      const words = ins.getArguments().map(a => a.getValue()).filter(w => !w.startsWith('--'));
      stages.push({ image: words[0], name: words.length >= 3 && words[1].toUpperCase() === 'AS' ? words[2] : undefined, instructions: [] });
      continue;
    }
    let json: string[] | undefined;
    const m = /(\[.*\])\s*$/.exec(args);
    if (m && ['ENTRYPOINT', 'CMD', 'HEALTHCHECK', 'RUN'].includes(keyword)) {
      try {
        json = JSON.parse(m[1]);
      } catch {
        json = undefined;
      }
    }
    stages[stages.length - 1].instructions.push({ keyword, args, json });
  }
  return stages;
}

/** The last instruction of a kind in a stage. */
export function last(stage: ParsedStage, keyword: string) {
  return [...stage.instructions].reverse().find(i => i.keyword === keyword);
}
