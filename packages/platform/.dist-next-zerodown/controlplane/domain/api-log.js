export function logApiAction(store, app, user, action) {
    store.appendLog({ appId: app.id, time: new Date().toISOString(), source: 'app', dyno: 'api', message: `${action} by user ${user.email}` });
}
//# sourceMappingURL=api-log.js.map