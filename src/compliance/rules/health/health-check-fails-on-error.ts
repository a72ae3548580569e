import * as path from 'path';
import { IConstruct } from 'constructs';
import { effectiveHealthcheck } from '../../../images/stage-inheritance';
import { isRecipeProbe } from '../../../recipes';
import { showArgs } from '../../finding-format';
import { IRule, RuleResult } from '../../rule';
import { asServiceRuntimeStage } from '../../rule-targets';

/** `python`, `python3`, `python3.13`, by any path. */
const PYTHON = /^python[0-9.]*$/;
/** `node`, `nodejs`, by any path. */
const NODE = /^(node|nodejs)$/;
/** The `requests` library. */
const REQUESTS = /\brequests\b/;
/** An HTTP call with the standard library. */
const PYTHON_HTTP = /\burlopen\s*\(|\bhttp\.client\b|\bHTTPS?Connection\b/;
/** A look at the HTTP status. */
const PYTHON_STATUS = /\.status\b|\bgetcode\s*\(|\bstatus_code\b|\braise_for_status\b/;
/** `http.get(`, `require('https').request(`, `fetch(`. */
const NODE_HTTP = /\bhttps?['"`]?\s*\)?\s*\.\s*(get|request)\s*\(|\bfetch\s*\(/;
/** A look at the HTTP status. */
const NODE_STATUS = /\bstatusCode\b|\.ok\b|\.status\b/;

/**
 * An HTTP health probe fails when the service answers with a non-2xx status.
 *
 * Checks the HEALTHCHECK of the runtime (final) stage of every service (own, or inherited from an image of the
 * app it is built FROM) when it is an inline probe: `<python> -c <code>` must not use `requests` (it is not in
 * distroless, and `requests.get()` without `raise_for_status()` reports a 500 as healthy) and, when it makes an
 * HTTP call (urlopen, http.client), must look at the status (`status`, `getcode()`); `<node> -e <code>` making an
 * HTTP call (http.get, https.request, fetch) must look at `statusCode`, `ok` or `status`. The probes that
 * lucid-cdk's recipes compile into images, which exit 1 outside 200-299, are compliant: Java's
 * (`-cp /opt/lucid/probe HealthCheck <url> <seconds>`) and Go's (`/usr/local/bin/lucid-healthcheck <url> <seconds>`).
 *
 * Not applicable to any other probe (a script file, a compiled program, a database client): what it does with
 * the answer cannot be read from the Dockerfile.
 */
export class HealthCheckFailsOnError implements IRule {
  /**
   * Checks one construct.
   * @param construct the runtime (final) stage of a service; any other construct is not applicable
   */
  public evaluate(construct: IConstruct): RuleResult {
    const stage = asServiceRuntimeStage(construct);
    const command = stage ? effectiveHealthcheck(stage)?.value.command : undefined;
    if (!command || command.length === 0) {
      return RuleResult.notApplicable();
    }
    const program = path.posix.basename(command[0]);
    const value = `HEALTHCHECK ${showArgs(command)}`;
    const fix = 'use HealthCheck.http(): its probe uses the runtime\'s standard library and exits 1 on any status outside 200-299, '
      + 'on a timeout and on a refused connection';

    if (PYTHON.test(program)) {
      const code = inline(command, ['-c']);
      if (code === undefined) {
        return RuleResult.notApplicable();
      }
      if (REQUESTS.test(code)) {
        return RuleResult.nonCompliant([{
          value,
          fix: 'requests is not installed in a distroless Python runtime (the probe crashes), and requests.get() without '
            + `raise_for_status() reports a 500 as healthy: ${fix}`,
        }]);
      }
      if (PYTHON_HTTP.test(code) && !PYTHON_STATUS.test(code)) {
        return RuleResult.nonCompliant([{ value, fix: `check the status (sys.exit(0 if 200 <= r.status < 300 else 1)), or ${fix}` }]);
      }
      return RuleResult.compliant();
    }
    if (NODE.test(program)) {
      const code = inline(command, ['-e', '--eval', '-p', '--print']);
      if (code === undefined) {
        return RuleResult.notApplicable();
      }
      if (NODE_HTTP.test(code) && !NODE_STATUS.test(code)) {
        return RuleResult.nonCompliant([{ value, fix: `exit 1 unless res.statusCode is 200-299, or ${fix}` }]);
      }
      return RuleResult.compliant();
    }
    if (isRecipeProbe(command)) {
      return RuleResult.compliant();
    }
    return RuleResult.notApplicable();
  }
}

/** The code after the first of `flags`, or undefined when there is none. */
function inline(command: string[], flags: string[]): string | undefined {
  const i = command.findIndex((a, n) => n > 0 && flags.includes(a));
  return i > 0 && i + 1 < command.length ? command[i + 1] : undefined;
}
