export {};
//# sourceMappingURL=dynos-store.js.map