import type { AppRecord, DomainRecord, UserRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
/** Adds a custom domain to an app; `baseDomain` is where apps' default domains live. */
export declare function addDomain(store: Store, actor: UserRecord, nameOrId: string, input: {
    readonly hostname?: unknown;
}, baseDomain: string): {
    app: AppRecord;
    domain: DomainRecord;
};
/** The id of an app's default domain (it has no row). */
export declare function defaultDomainId(app: AppRecord): string;
/**
 * One of the app's domains by id or hostname: a custom domain, or null for its default domain
 * `<app>.<baseDomain>`; 404 for anything else.
 */
export declare function findDomain(store: Store, app: AppRecord, key: string, baseDomain: string): DomainRecord | null;
/** Removes a custom domain (by id or hostname) from an app; returns it as it was. */
export declare function removeDomain(store: Store, actor: UserRecord, nameOrId: string, key: string, baseDomain: string): {
    app: AppRecord;
    domain: DomainRecord;
};
