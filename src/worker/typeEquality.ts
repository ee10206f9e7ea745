/** `true` only when the two types hold the same members, neither more nor fewer. */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** A type argument that is not `true` fails to compile, on its own line. */
export type Expect<T extends true> = T;
