export {};
//# sourceMappingURL=one-off-dynos-store.js.map