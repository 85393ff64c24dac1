#!/usr/bin/env node
/**
 * The drain forwarder process, forked by `DrainProcess`. Talks only over the IPC channel and
 * exits when its parent goes away.
 */
import { DrainForwarder } from '../dataplane/drains/drain-forwarder.js';
if (process.send === undefined) {
    process.stderr.write('cove drains: must be started by cove server (it needs an IPC channel)\n');
    process.exit(2);
}
let forwarder = null;
function emit(event) {
    if (process.connected)
        process.send?.(event);
}
process.on('message', (request) => {
    switch (request.type) {
        case 'init':
            forwarder ??= new DrainForwarder({ capacity: request.capacity, ca: request.ca, onDrop: (report) => emit({ type: 'dropped', report }) });
            emit({ type: 'ready' });
            return;
        case 'feed':
            forwarder?.update(request.feed);
            return;
        case 'lines':
            forwarder?.push(request.lines);
            return;
        case 'close':
            forwarder?.close();
            process.disconnect();
            return;
    }
});
process.on('disconnect', () => {
    forwarder?.close();
    process.exit(0);
});
//# sourceMappingURL=drains.js.map