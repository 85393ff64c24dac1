export {};
//# sourceMappingURL=domains-store.js.map