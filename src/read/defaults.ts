// What is read when the options do not say: apart from src/read/index.ts so that the options' help
// can show them without loading the readers (and the HTML entity tables) at start-up.

export const DEFAULT_EXT = ['txt', 'md'];
export const DEFAULT_MAX_SIZE = 5 * 1024 * 1024;
