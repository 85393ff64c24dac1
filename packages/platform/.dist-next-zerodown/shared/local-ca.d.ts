export interface IssuedCertificate {
    readonly caCertPath: string;
    readonly cert: string;
    readonly key: string;
    readonly ca: string;
}
/** Creates the CA if missing and returns its certificate path. */
export declare function ensureLocalCa(dir: string): Promise<{
    certPath: string;
    keyPath: string;
}>;
/**
 * Issues (or reuses) a server certificate named `name` for the given host names and
 * addresses, signed by the local CA.
 */
export declare function issueCertificate(dir: string, name: string, hosts: readonly string[]): Promise<IssuedCertificate>;
