/**
 * Named operations on one-off dynos (`heroku run`) and their rendezvous secrets. Implemented by ./sqlite/sqlite-one-off-dynos-store.ts; no SQL outside it.
 */

export interface OneOffDynoStore {}
