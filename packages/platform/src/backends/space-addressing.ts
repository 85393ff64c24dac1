/** Moved to shared/ (the API derives zone subnets too); kept for the linux backend's imports. */
export * from '../shared/space-addressing.js';
