// Nominal typing for strings that have passed a validating constructor.
declare const brand: unique symbol;

/** A value of type `T` that carries the compile-time tag `Name`; only its constructor creates one. */
export type Brand<T, Name extends string> = T & { readonly [brand]: Name };
