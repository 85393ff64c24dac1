/**
 * Reading answers for `cove login`: prompts on a TTY (the password without echo), or plain
 * lines from stdin when it is a pipe.
 */
import { createInterface } from 'node:readline';
import type { TextSink } from './output.js';

type Input = NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };

/** Reads up to `count` lines from a non-TTY stream. */
export async function readLines(input: Input, count: number): Promise<string[]> {
  const rl = createInterface({ input, terminal: false });
  const lines: string[] = [];
  for await (const line of rl) {
    lines.push(line);
    if (lines.length >= count) break;
  }
  rl.close();
  return lines;
}

/** Asks one question on a TTY; with `hidden` the typed characters are not echoed. */
export async function ask(input: Input, output: TextSink & NodeJS.WritableStream, question: string, hidden = false): Promise<string> {
  const rl = createInterface({ input, output, terminal: true });
  if (hidden) {
    // readline echoes through _writeToOutput; muting it after the question hides the password.
    const muted = rl as unknown as { _writeToOutput: (s: string) => void };
    let asked = false;
    muted._writeToOutput = (s: string) => {
      if (!asked) {
        output.write(s);
        asked = true;
      } else if (s.includes('\n') || s.includes('\r')) {
        output.write('\n');
      }
    };
  }
  try {
    return await new Promise<string>((resolve) => rl.question(question, resolve));
  } finally {
    rl.close();
  }
}
