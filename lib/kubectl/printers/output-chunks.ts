/**
 * Printers of long output (`-o json`, `-o yaml`, describe) hand it over in pieces of about this many
 * characters instead of one string. V8 puts strings over ~128 KB in its large-object space, which costs
 * far more per byte than the young generation (and a lazily concatenated string pays that when the terminal
 * first reads it). 32 Ki characters stay under the limit even for two-byte (non-Latin-1) text.
 */
export const OUTPUT_CHUNK_CHARS = 32 * 1024;
