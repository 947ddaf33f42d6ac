/** `one` for 1, `many` otherwise (Italian and English agree on this much). */
export const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);
