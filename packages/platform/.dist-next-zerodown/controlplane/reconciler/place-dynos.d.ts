/**
 * Zone placement for the dynos of one process type (pure). Dynos are spread evenly over the
 * healthy zones (the first three land in three different zones); a dyno stays where it is
 * while its zone is healthy and not over its fair share, so a zone failure moves only the
 * dynos it held, and a recovery moves just enough dynos back to even the spread again.
 */
export declare function placeDynos(numbers: readonly number[], current: ReadonlyMap<number, string | null>, healthyZones: readonly string[]): Map<number, string>;
