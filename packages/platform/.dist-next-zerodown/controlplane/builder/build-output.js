/**
 * A build's output: appended while the build runs, kept in a file afterwards, and followed
 * live by any number of readers (the git client through the pre-receive hook, the
 * `output_stream_url`), each of which first gets everything written so far.
 */
import { createWriteStream } from 'node:fs';
export class BuildOutput {
    file;
    #chunks = [];
    #followers = new Set();
    #stream;
    #ended;
    #resolveEnded = () => undefined;
    #done = false;
    #partial = '';
    constructor(file) {
        this.file = file;
        this.#stream = createWriteStream(file, { mode: 0o600 });
        this.#stream.on('error', () => undefined);
        this.#ended = new Promise((resolve) => (this.#resolveEnded = resolve));
    }
    get done() {
        return this.#done;
    }
    /** Appends text; lines are written whole so followers never see half a line. */
    write(text) {
        if (this.#done)
            return;
        const joined = this.#partial + text;
        const cut = joined.lastIndexOf('\n') + 1;
        this.#partial = joined.slice(cut);
        if (cut > 0)
            this.#emit(joined.slice(0, cut));
    }
    /** Writes one line. */
    line(text = '') {
        this.write(`${text}\n`);
    }
    follow(write) {
        for (const chunk of this.#chunks)
            write(chunk);
        if (this.#done)
            return Promise.resolve();
        this.#followers.add(write);
        return this.#ended.finally(() => this.#followers.delete(write));
    }
    async end() {
        if (this.#partial !== '')
            this.#emit(`${this.#partial}\n`);
        this.#partial = '';
        this.#done = true;
        await new Promise((resolve) => this.#stream.end(resolve));
        this.#resolveEnded();
    }
    #emit(chunk) {
        this.#chunks.push(chunk);
        this.#stream.write(chunk);
        for (const f of this.#followers)
            f(chunk);
    }
}
//# sourceMappingURL=build-output.js.map