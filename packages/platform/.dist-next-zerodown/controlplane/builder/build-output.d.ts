export declare class BuildOutput {
    #private;
    readonly file: string;
    constructor(file: string);
    get done(): boolean;
    /** Appends text; lines are written whole so followers never see half a line. */
    write(text: string): void;
    /** Writes one line. */
    line(text?: string): void;
    follow(write: (chunk: string) => void): Promise<void>;
    end(): Promise<void>;
}
