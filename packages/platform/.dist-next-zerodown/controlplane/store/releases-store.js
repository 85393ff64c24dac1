export {};
//# sourceMappingURL=releases-store.js.map