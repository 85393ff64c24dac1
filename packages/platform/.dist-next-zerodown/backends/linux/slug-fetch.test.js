import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fetchSlugTarball } from './slug-fetch.js';
const BYTES = Buffer.from('not really a tarball, but bytes with a digest');
const SHA = createHash('sha256').update(BYTES).digest('hex');
let server;
let base = '';
let requests = 0;
let dir = '';
before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cove-slug-fetch-'));
    server = createServer((req, res) => {
        requests++;
        if (req.url === '/slugs/s1/blob?token=t')
            res.end(BYTES);
        else if (req.url === '/slugs/broken/blob?token=t')
            res.writeHead(503).end();
        else
            res.writeHead(404).end();
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${server.address().port}`;
});
after(async () => {
    server.close();
    await rm(dir, { recursive: true, force: true });
});
const code = (c, retryable) => (error) => {
    assert.equal(error.code, c, error.message);
    assert.equal(error.retryable, retryable, error.message);
    return true;
};
test('fetchSlugTarball() downloads the URL and checks its SHA-256', async () => {
    const download = join(dir, 'one.tgz');
    assert.equal(await fetchSlugTarball({ id: 's1', url: `${base}/slugs/s1/blob?token=t`, sha256: SHA }, download), download);
    assert.deepEqual(await readFile(download), BYTES);
});
test('a digest that does not match is SLUG_INVALID, not retryable', async () => {
    await assert.rejects(fetchSlugTarball({ id: 's1', url: `${base}/slugs/s1/blob?token=t`, sha256: '0'.repeat(64) }, join(dir, 'two.tgz')), code('SLUG_INVALID', false));
    await assert.rejects(fetchSlugTarball({ id: 's1', url: `${base}/slugs/s1/blob?token=t`, sha256: 'SHA256:abc' }, join(dir, 'two.tgz')), code('SLUG_INVALID', false));
});
test('a fetch that fails is SLUG_UNAVAILABLE: retryable unless the control plane refused for good', async () => {
    await assert.rejects(fetchSlugTarball({ id: 'broken', url: `${base}/slugs/broken/blob?token=t`, sha256: SHA }, join(dir, 'three.tgz')), code('SLUG_UNAVAILABLE', true));
    await assert.rejects(fetchSlugTarball({ id: 'gone', url: `${base}/slugs/gone/blob?token=t`, sha256: SHA }, join(dir, 'three.tgz')), code('SLUG_UNAVAILABLE', false));
    const closed = createServer();
    await new Promise((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = closed.address().port;
    await new Promise((resolve) => closed.close(resolve));
    await assert.rejects(fetchSlugTarball({ id: 's1', url: `http://127.0.0.1:${port}/slugs/s1/blob`, sha256: SHA }, join(dir, 'three.tgz')), code('SLUG_UNAVAILABLE', true));
});
test('only the control plane on this host is fetched from (a loopback URL)', async () => {
    const before = requests;
    for (const url of ['http://192.0.2.1/slugs/s1/blob', 'file:///etc/passwd', 'not a url']) {
        await assert.rejects(fetchSlugTarball({ id: 's1', url, sha256: SHA }, join(dir, 'four.tgz')), code('SLUG_UNAVAILABLE', false));
    }
    assert.equal(requests, before);
});
test('a local blob with the right digest is read in place; one with another digest is not trusted', async () => {
    const blobs = join(dir, 'blobs');
    await mkdir(join(blobs, 'slugs'), { recursive: true });
    await writeFile(join(blobs, 'slugs', 's1.tgz'), BYTES);
    const before = requests;
    const unreachable = 'http://127.0.0.1:9/slugs/s1/blob?token=t';
    assert.equal(await fetchSlugTarball({ id: 's1', url: unreachable, sha256: SHA }, join(dir, 'five.tgz'), { localBlobDir: blobs }), join(blobs, 'slugs', 's1.tgz'));
    assert.equal(requests, before, 'no HTTP');
    await writeFile(join(blobs, 'slugs', 's1.tgz'), 'tampered');
    const download = join(dir, 'six.tgz');
    assert.equal(await fetchSlugTarball({ id: 's1', url: `${base}/slugs/s1/blob?token=t`, sha256: SHA }, download, { localBlobDir: blobs }), download);
    assert.equal(requests, before + 1);
});
//# sourceMappingURL=slug-fetch.test.js.map