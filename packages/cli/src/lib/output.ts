/**
 * Where commands write: data to stdout, progress and warnings to stderr (as the heroku CLI
 * does, so `cove … > file` captures only the data).
 */
export interface TextSink {
  write(chunk: string): unknown;
}

export class Output {
  readonly #stdout: TextSink;
  readonly #stderr: TextSink;

  constructor(stdout: TextSink, stderr: TextSink) {
    this.#stdout = stdout;
    this.#stderr = stderr;
  }

  /** Writes one or more lines to stdout. */
  log(text = ''): void {
    this.#stdout.write(`${text}\n`);
  }

  /** Text to stdout as it is (streamed output, a dyno's output). */
  write(text: string): void {
    this.#stdout.write(text);
  }

  /** Pretty JSON, as `--json` prints it. */
  json(value: unknown): void {
    this.#stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  }

  /** A line to stderr. */
  info(text: string): void {
    this.#stderr.write(`${text}\n`);
  }

  warn(text: string): void {
    this.#stderr.write(`Warning: ${text}\n`);
  }

  /** Raw text to stderr with no newline (progress dots). */
  progress(text: string): void {
    this.#stderr.write(text);
  }

  /**
   * Runs `task` between `label... ` and `done` on stderr, like oclif's `ux.action`. `done` may
   * compute the status from the result (`done, v7`).
   */
  async action<T>(label: string, task: () => Promise<T>, done: (result: T) => string = () => 'done'): Promise<T> {
    this.#stderr.write(`${label}... `);
    let result: T;
    try {
      result = await task();
    } catch (error) {
      this.#stderr.write('!\n');
      throw error;
    }
    this.#stderr.write(`${done(result)}\n`);
    return result;
  }
}
