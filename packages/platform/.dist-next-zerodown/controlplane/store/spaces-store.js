export {};
//# sourceMappingURL=spaces-store.js.map