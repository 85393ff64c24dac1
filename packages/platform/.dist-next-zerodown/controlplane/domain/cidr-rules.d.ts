/**
 * Validation of a space's network settings (Heroku's rules): the space CIDR is an RFC 1918
 * /16 (172.17.0.0/16 is reserved); the data CIDR is an RFC 1918 /16–/20 that does not
 * overlap it; trusted IP ranges are at most 20 valid IPv4 CIDRs.
 */
import type { InboundRule } from '@cove/schema';
export declare const DEFAULT_CIDR = "10.0.0.0/16";
export declare const MAX_TRUSTED_RANGES = 20;
export declare function validateSpaceCidr(value: unknown): string;
export declare function validateDataCidr(value: unknown, spaceCidr: string): string;
/** The default data CIDR for a space CIDR: the next /16 that does not overlap it. */
export declare function defaultDataCidr(spaceCidr: string): string;
export declare function validateInboundRules(value: unknown): InboundRule[];
