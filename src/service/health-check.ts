import { isPort, portProblem } from '../core/port';

/**
 * Timing of a health check, shared by the Dockerfile's HEALTHCHECK and the compose service's healthcheck.
 */
export interface HealthCheckTiming {
  /**
   * Seconds between checks.
   * @default 30
   */
  readonly intervalSeconds?: number;
  /**
   * Seconds before one check counts as failed.
   * @default 5
   */
  readonly timeoutSeconds?: number;
  /**
   * Seconds of grace after start, during which failures do not count.
   * @default 20
   */
  readonly startPeriodSeconds?: number;
  /**
   * Seconds between checks during the start period (Docker Engine 25+).
   * @default 2
   */
  readonly startIntervalSeconds?: number;
  /**
   * Consecutive failures before the container is unhealthy.
   * @default 3
   */
  readonly retries?: number;
}

/**
 * Options of an HTTP health check.
 */
export interface HttpHealthCheckOptions extends HealthCheckTiming {
  /**
   * The path requested on the service's own port over loopback. A response other than 2xx, a timeout or a
   * refused connection fails the check.
   * @default '/health'
   */
  readonly path?: string;
  /**
   * The port checked.
   * @default - the service's port
   */
  readonly port?: number;
}

/**
 * Options of a TCP health check.
 */
export interface TcpHealthCheckOptions extends HealthCheckTiming {
  /**
   * The port a connection is opened to over loopback. A refused connection or a timeout fails the check.
   * @default - the service's port
   */
  readonly port?: number;
}

/** How a health check probes the service. */
export enum HealthCheckKind {
  /** An HTTP GET on loopback, run by the runtime's own interpreter (or a probe compiled in the builder). */
  HTTP = 'http',
  /** A command in exec form, given by the user. */
  COMMAND = 'command',
  /** A TCP connection opened on loopback, by a probe compiled in the builder. */
  TCP = 'tcp',
}

/**
 * A service's health check. It always runs in exec form, with a binary that exists in the runtime image:
 * distroless images have no shell, no curl and no `requests`.
 */
export class HealthCheck {
  /**
   * An HTTP GET on `http://127.0.0.1:<port><path>` that fails on anything but a 2xx answer.
   */
  public static http(options: HttpHealthCheckOptions = {}): HealthCheck {
    return new HealthCheck(HealthCheckKind.HTTP, options, options.path ?? '/health', options.port, undefined);
  }

  /**
   * A TCP connect check on `127.0.0.1:<port>`, for programs with no HTTP endpoint (a SOCKS proxy): it passes
   * once the port accepts a connection. Run by the probe the recipe compiles (Go and Debian programs' runtimes).
   */
  public static tcp(options: TcpHealthCheckOptions = {}): HealthCheck {
    return new HealthCheck(HealthCheckKind.TCP, options, undefined, options.port, undefined);
  }

  /**
   * A command in exec form. Its first element must be an absolute path to a binary in the runtime image
   * (validation rejects a relative one such as `curl`).
   */
  public static exec(command: string[], timing: HealthCheckTiming = {}): HealthCheck {
    return new HealthCheck(HealthCheckKind.COMMAND, timing, undefined, undefined, [...command]);
  }

  /** How the check probes. */
  public readonly kind: HealthCheckKind;
  /** The HTTP path, for HTTP checks. */
  public readonly path?: string;
  /** The port, for HTTP and TCP checks, when not the service's port. */
  public readonly port?: number;
  /** The command, for command checks. */
  public readonly command?: string[];
  /** Seconds between checks. */
  public readonly intervalSeconds: number;
  /** Seconds before a check counts as failed. */
  public readonly timeoutSeconds: number;
  /** Seconds of grace after start. */
  public readonly startPeriodSeconds: number;
  /** Seconds between checks during the start period. */
  public readonly startIntervalSeconds: number;
  /** Consecutive failures before unhealthy. */
  public readonly retries: number;

  private constructor(kind: HealthCheckKind, timing: HealthCheckTiming, p?: string, port?: number, command?: string[]) {
    this.kind = kind;
    this.path = p;
    this.port = port;
    this.command = command;
    this.intervalSeconds = timing.intervalSeconds ?? 30;
    this.timeoutSeconds = timing.timeoutSeconds ?? 5;
    this.startPeriodSeconds = timing.startPeriodSeconds ?? 20;
    this.startIntervalSeconds = timing.startIntervalSeconds ?? 2;
    this.retries = timing.retries ?? 3;
  }

  /**
   * Problems with this check's options (empty when valid).
   */
  public problems(): string[] {
    const out: string[] = [];
    if (this.path !== undefined && !/^\/[\x21-\x7e]*$/.test(this.path)) {
      out.push(`health check path "${this.path}" must start with "/" and hold only printable ASCII without spaces`);
    }
    if (this.port !== undefined && !isPort(this.port)) {
      out.push(portProblem('health check port', this.port));
    }
    if (this.command !== undefined && (this.command.length === 0 || this.command[0] === '')) {
      out.push('health check command must be exec form with the binary first, e.g. ["/usr/bin/redis-cli", "ping"]');
    } else if (this.command !== undefined && !this.command[0].startsWith('/')) {
      out.push(`health check command starts with "${this.command[0]}": give the absolute path of a binary that exists in the image, ` +
        'e.g. "/usr/local/bin/redis-cli" (an absolute path names the binary that runs whatever the image\'s PATH; distroless has no shell, ' +
        'and no curl, wget or pgrep)');
    }
    for (const [name, v, min] of [['intervalSeconds', this.intervalSeconds, 1], ['timeoutSeconds', this.timeoutSeconds, 1],
      ['startPeriodSeconds', this.startPeriodSeconds, 0], ['startIntervalSeconds', this.startIntervalSeconds, 1], ['retries', this.retries, 1]] as const) {
      if (!Number.isInteger(v) || v < min) {
        out.push(`health check ${name} must be a whole number >= ${min}, got ${v}`);
      }
    }
    if (this.timeoutSeconds > this.intervalSeconds) {
      out.push(`health check timeoutSeconds (${this.timeoutSeconds}) must not exceed intervalSeconds (${this.intervalSeconds})`);
    }
    return out;
  }
}
