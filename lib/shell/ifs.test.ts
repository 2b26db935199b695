import { describe, it, expect } from "vitest";
import { ifsSplit } from "./expand";
import { bashGoldens, type BashGolden } from "./testing/bash-goldens";

describe("ifsSplit", () => {
  it("collapses IFS blanks and keeps empty fields between other IFS characters", () => {
    expect(ifsSplit("a,,b", ",")).toEqual(["a", "", "b"]);
    expect(ifsSplit(" a , b  ,c ,", " ,")).toEqual(["a", "b", "c"]);
    expect(ifsSplit(",", ",")).toEqual([""]);
    expect(ifsSplit("", ",")).toEqual([]);
    expect(ifsSplit("a b", "")).toEqual(["a b"]);
  });
});

/** Command line -> stdout, stderr, status, checked once against bash 5.2.15 (`bash -c`). */
const IFS_CASES: BashGolden[] = [
  ["IFS=,; x=\"a,,b\"; printf '<%s>' $x; echo", "<a><><b>\n", "", 0],
  ["IFS=,; x=\",a,\"; printf '<%s>' pre$x; echo", "<pre><a>\n", "", 0],
  ["IFS=$'\\n'; for l in $(printf 'a b\\nc d\\n'); do echo \"[$l]\"; done", "[a b]\n[c d]\n", "", 0],
  ["IFS=: ; set -- x y z; echo \"$*\"; a=(1 2); echo \"${a[*]}\"", "x:y:z\n1:2\n", "", 0],
  ["IFS=; x=\"a b\"; printf '<%s>' $x; echo", "<a b>\n", "", 0],
  ["a=(3 1 2); IFS=$'\\n' sorted=($(sort <<<\"${a[*]}\")); echo \"${sorted[@]}\"", "1 2 3\n", "", 0],
  ["IFS=' ,'; x=\" a , b  ,c ,\"; printf '<%s>' $x; echo", "<a><b><c>\n", "", 0],
  ["old=$IFS; IFS=,; read -r a b <<< \"1,2\"; IFS=$old; echo \"$a $b\"; x=\"p q\"; printf '<%s>' $x; echo", "1 2\n<p><q>\n", "", 0],
  ["unset IFS; x=\"a  b\"; printf '<%s>' $x \"$*\"; echo", "<a><b><>\n", "", 0],
  ["IFS=,; x=\",\"; printf '<%s>' $x; echo; y=\"\"; printf '<%s>' $y; echo", "<>\n<>\n", "", 0],
  ["set | grep ^IFS; declare -p IFS; x='a b'; y=$'q\\tz'; set | grep -E '^(x|y)='", "IFS=$' \\t\\n'\ndeclare -- IFS=$' \\t\\n'\nx='a b'\ny=$'q\\tz'\n", "", 0],
];

bashGoldens("word splitting and \"$*\" follow IFS", IFS_CASES);
