/**
 * Word wrapping as kubectl's explain templates do it (github.com/mitchellh/go-wordwrap, used through
 * kubectl's term.WordWrapWriter): breaks only at whitespace, keeps existing newlines, and leaves a word longer
 * than the limit whole on its own line.
 */
function isSpace(c: string): boolean {
  // Go's unicode.IsSpace without the no-break space, which go-wordwrap treats as part of a word.
  return c !== "\u00a0" && /\s/u.test(c);
}

export function wordWrap(s: string, limit: number): string {
  let out = "";
  let current = 0;
  let word = "";
  let space = "";
  for (const c of s) {
    const wordLen = [...word].length;
    const spaceLen = [...space].length;
    if (c === "\n") {
      if (word.length === 0) {
        if (current + spaceLen <= limit) out += space;
      } else {
        out += space + word;
      }
      space = "";
      word = "";
      out += c;
      current = 0;
    } else if (isSpace(c)) {
      if (space.length === 0 || word.length > 0) {
        current += spaceLen + wordLen;
        out += space + word;
        space = "";
        word = "";
      }
      space += c;
    } else {
      word += c;
      const newWordLen = wordLen + 1;
      if (current + spaceLen + newWordLen > limit && newWordLen < limit) {
        out += "\n";
        current = 0;
        space = "";
      }
    }
  }
  if (word.length === 0) {
    if (current + [...space].length <= limit) out += space;
  } else {
    out += space + word;
  }
  return out;
}

/** Go template `indent`: pads the first line and every line after a newline. */
export function indent(amount: number, s: string): string {
  const pad = " ".repeat(amount);
  return pad + s.split("\n").join(`\n${pad}`);
}
