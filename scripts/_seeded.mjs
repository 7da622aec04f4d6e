// Determinism for the scripts: a seeded generator (the benchmark corpus, the training order) and the
// fold a key falls in (cross-validation split by player, the same split for every model trained).

/** A small seeded generator: the same numbers on every run. */
export function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** The fold of `key` among `folds`, by an FNV-1a hash of it. */
export function foldOf(key, folds) {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193) >>> 0;
  return h % folds;
}
