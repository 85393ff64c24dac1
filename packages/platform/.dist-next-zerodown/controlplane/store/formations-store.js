export {};
//# sourceMappingURL=formations-store.js.map