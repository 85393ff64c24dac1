import { BufferedDrain } from './buffered-drain.js';
/** `[::1]` → `::1`: URL keeps brackets, sockets want the bare address. */
export declare function urlHost(url: URL): string;
export declare class SyslogDrain extends BufferedDrain {
    #private;
    protected release(): void;
    protected pump(): void;
}
