import * as path from 'path';
import { wrap } from './expression';
import type { ImageJobSettings } from './image-job-settings';
import { script, shellQuote } from './shell';
import { CONTAINER_STRUCTURE_TEST, TRIVY_VERSION } from './tool-pins';
import { Step } from './workflow-model';
import type { LucidImage } from '../images/lucid-image';

// The checks an image passes before it is pushed, run on the image loaded into the runner's Docker.

/** The checks of the loaded image: structure test, size budget (with the summary row), Trivy. */
export function imageChecks(image: LucidImage, s: ImageJobSettings): Step[] {
  const budgetMb = image.sizeBudgetMb;
  const steps: Step[] = [
    {
      name: `Install container-structure-test ${CONTAINER_STRUCTURE_TEST.version}`,
      shell: 'bash',
      run: script([
        `version=${shellQuote(CONTAINER_STRUCTURE_TEST.version)}`,
        'case "$(uname -m)" in',
        `  x86_64) arch=amd64; sha256=${shellQuote(CONTAINER_STRUCTURE_TEST.sha256.x86_64)} ;;`,
        `  aarch64) arch=arm64; sha256=${shellQuote(CONTAINER_STRUCTURE_TEST.sha256.aarch64)} ;;`,
        '  *) echo "::error::no pinned container-structure-test for $(uname -m)"; exit 1 ;;',
        'esac',
        'bin="$RUNNER_TEMP/container-structure-test"',
        'curl -fsSL -o "$bin" "https://github.com/GoogleContainerTools/container-structure-test/releases/download/$version/container-structure-test-linux-$arch"',
        'echo "$sha256  $bin" | sha256sum --check --strict',
        'chmod +x "$bin"',
      ]),
    },
    {
      name: `Structure test of ${image.targetName}`,
      shell: 'bash',
      run: script([
        `config=${shellQuote(s.filePath(path.posix.join(image.directory, 'structure-test.yaml')))}`,
        '"$RUNNER_TEMP/container-structure-test" test --image "$IMAGE" --platform "$PLATFORM" --config "$config"',
      ]),
    },
    {
      name: `Size of ${image.targetName} against its budget of ${budgetMb} MB`,
      shell: 'bash',
      run: script([
        `target=${shellQuote(image.targetName)}`,
        `budget_mb=${shellQuote(String(budgetMb))}`,
        `budget_bytes=${shellQuote(String(Math.round(budgetMb * 1e6)))}`,
        'bytes="$(docker image inspect --format \'{{.Size}}\' "$IMAGE")"',
        // MB = 10^6 bytes, as the budgets are written.
        'size_mb="$(awk -v b="$bytes" \'BEGIN { printf "%.1f", b / 1000000 }\')"',
        'if [ "$bytes" -le "$budget_bytes" ]; then result=\'within budget\'; else result=\'over budget\'; fi',
        '{',
        '  echo \'| image | size | budget | result |\'',
        '  echo \'| --- | --- | --- | --- |\'',
        '  echo "| $target ($PLATFORM) | $size_mb MB | $budget_mb MB | $result |"',
        '} >> "$GITHUB_STEP_SUMMARY"',
        'echo "$target ($PLATFORM): $size_mb MB, budget $budget_mb MB: $result"',
        'if [ "$result" != \'within budget\' ]; then echo "::error::$target is $size_mb MB, over its budget of $budget_mb MB"; exit 1; fi',
      ]),
    },
  ];
  if (s.trivy !== undefined) {
    steps.push({
      name: `Scan ${image.targetName} with Trivy`,
      uses: s.pins.uses('aquasecurity/trivy-action'),
      with: {
        'scan-type': 'image',
        'image-ref': wrap('env.IMAGE'),
        'scanners': 'vuln',
        'severity': s.trivy,
        'exit-code': '1',
        'version': TRIVY_VERSION,
      },
    });
  }
  return steps;
}
