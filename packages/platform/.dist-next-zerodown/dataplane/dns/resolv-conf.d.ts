export interface DnsUpstream {
    readonly address: string;
    /** @default 53 */
    readonly port: number;
}
/** The `nameserver` lines of a resolv.conf text, in order. */
export declare function parseResolvConf(text: string): DnsUpstream[];
/** "127.0.0.1", "127.0.0.1:5353", "::1", "[::1]:5353" → an upstream. */
export declare function parseUpstream(value: string): DnsUpstream;
