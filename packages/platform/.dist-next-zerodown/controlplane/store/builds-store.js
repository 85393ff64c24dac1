export {};
//# sourceMappingURL=builds-store.js.map