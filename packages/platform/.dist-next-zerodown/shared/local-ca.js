/**
 * Cove's own certificate authority, made with openssl on first start and kept in the data
 * directory: the API's HTTPS (git remotes and `heroku run` need TLS a client can verify) and
 * later the router's default certificates are issued by it. Users trust `ca.crt`
 * (NODE_EXTRA_CA_CERTS, git's http.sslCAInfo).
 */
import { execFile } from 'node:child_process';
import { isIP } from 'node:net';
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
const run = promisify(execFile);
async function exists(path) {
    try {
        await access(path);
        return true;
    }
    catch {
        return false;
    }
}
/** Creates the CA if missing and returns its certificate path. */
export async function ensureLocalCa(dir) {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const keyPath = join(dir, 'ca.key');
    const certPath = join(dir, 'ca.crt');
    if (!(await exists(keyPath)) || !(await exists(certPath))) {
        await run('openssl', ['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', keyPath]);
        await run('openssl', [
            'req', '-x509', '-new', '-key', keyPath, '-sha256', '-days', '3650', '-out', certPath,
            '-subj', '/O=Cove/CN=Cove local CA',
            '-addext', 'basicConstraints=critical,CA:TRUE',
            '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
        ]);
    }
    return { certPath, keyPath };
}
/**
 * Issues (or reuses) a server certificate named `name` for the given host names and
 * addresses, signed by the local CA.
 */
export async function issueCertificate(dir, name, hosts) {
    const ca = await ensureLocalCa(dir);
    const keyPath = join(dir, `${name}.key`);
    const certPath = join(dir, `${name}.crt`);
    const sansPath = join(dir, `${name}.sans`);
    const sans = [...new Set(hosts)].sort().map((h) => (isIP(h) === 0 ? `DNS:${h}` : `IP:${h}`)).join(',');
    const current = (await exists(sansPath)) ? await readFile(sansPath, 'utf8') : '';
    if (current !== sans || !(await exists(certPath)) || !(await exists(keyPath))) {
        await run('openssl', ['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', keyPath]);
        const csr = (await run('openssl', ['req', '-new', '-key', keyPath, '-subj', `/O=Cove/CN=${hosts[0] ?? 'localhost'}`])).stdout;
        const extPath = join(dir, `${name}.ext`);
        await writeFile(extPath, `subjectAltName=${sans}\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n`);
        await new Promise((resolve, reject) => {
            const child = execFile('openssl', ['x509', '-req', '-CA', ca.certPath, '-CAkey', ca.keyPath, '-CAcreateserial', '-days', '825', '-sha256', '-extfile', extPath, '-out', certPath], (error) => (error === null ? resolve() : reject(error)));
            child.stdin?.end(csr);
        });
        await writeFile(sansPath, sans);
    }
    return {
        caCertPath: ca.certPath,
        cert: await readFile(certPath, 'utf8'),
        key: await readFile(keyPath, 'utf8'),
        ca: await readFile(ca.certPath, 'utf8'),
    };
}
//# sourceMappingURL=local-ca.js.map