import { describe, it, expect } from "vitest";
import { needsMoreInput } from "./parser";
import { bashGoldens, type BashGolden } from "./testing/bash-goldens";
import { harness } from "./testing/harness";

/**
 * Command line -> stdout, stderr, exit status, as bash 5.2 printed them (`bash -c`, with its "line 1: " prefix
 * dropped, which an interactive shell does not print).
 */
const GOLDEN: BashGolden[] = [
  ["case kube-proxy in kube-*) echo kube;; *) echo other;; esac", "kube\n", "", 0],
  ["case x in (x|y) echo xy;; esac", "xy\n", "", 0],
  ["case foo in f*) echo a;& b) echo b;;& *) echo c;; esac", "a\nb\nc\n", "", 0],
  ["case \"a*\" in \"a*\") echo lit;; esac; case abc in \"a*\") echo no;; a*) echo glob;; esac", "lit\nglob\n", "", 0],
  ["case x in y) echo y;; esac; echo $?", "0\n", "", 0],
  ["case 5 in [0-9]) echo digit;; esac; case b in [!a-c]) echo no;; [[:alpha:]]) echo alpha;; esac", "digit\nalpha\n", "", 0],
  ["false; case x in x) ;; esac; echo $?", "0\n", "", 0],
  ["for i in 1 2 3 4; do case $i in 2) continue;; 4) break;; esac; echo $i; done", "1\n3\n", "", 0],
  ["p=Running; case $p in\n  Pending|ContainerCreating) echo wait;;\n  Running) echo up;;\nesac", "up\n", "", 0],
  ["x=abc; [[ $x == a* ]] && echo y; [[ $x == \"a*\" ]] || echo n; [[ $x != b* ]] && echo ne", "y\nn\nne\n", "", 0],
  ["[[ abc =~ ^(a)(b)c$ ]]; echo $? ${BASH_REMATCH[0]} ${BASH_REMATCH[2]} ${#BASH_REMATCH[@]}", "0 abc b 3\n", "", 0],
  ["v=nginx:1.25; [[ $v =~ ^([a-z]+):([0-9.]+)$ ]] && echo \"image=${BASH_REMATCH[1]} tag=${BASH_REMATCH[2]}\"", "image=nginx tag=1.25\n", "", 0],
  ["[[ \"a b\" =~ (a b) ]]; echo $?; [[ ab =~ a|b ]]; echo $?", "0\n0\n", "", 0],
  ["[[ x =~ [[:alpha:]]+ ]]; echo $? $BASH_REMATCH; [[ a.c =~ \"a.c\" ]]; echo $?; [[ abc =~ \"a.c\" ]]; echo $?", "0 x\n0\n1\n", "", 0],
  ["[[ ab =~ [ ]]; echo $?", "2\n", "", 0],
  ["[[ -z \"\" && -n x ]] && echo zn; [[ ! -n \"\" ]] && echo not", "zn\nnot\n", "", 0],
  ["x=5; [[ $x -gt 3 && $x -lt 10 ]] && echo in; [[ $x -eq 5 || $x -ne 5 ]]; echo $?", "in\n0\n", "", 0],
  ["[[ 010 -eq 8 ]] && echo octal; [[ x -eq 0 ]] && echo zero; [[ 1+1 -eq 2 ]] && echo sum", "octal\nzero\nsum\n", "", 0],
  ["[[ 1 -eq 1x ]]; echo $?", "1\n", "bash: [[: 1x: value too great for base (error token is \"1x\")\n", 0],
  ["[[ a < b ]] && echo lt; [[ b > a ]] && echo gt", "lt\ngt\n", "", 0],
  ["[[ -d /etc && ! -f /etc ]] && echo dir; [[ -e /nonexistent ]] || echo missing", "dir\nmissing\n", "", 0],
  ["[[ ( a == b || c == c ) && -n x ]]; echo $?", "0\n", "", 0],
  ["[[ \"\" ]]; echo $?; [[ word ]]; echo $?", "1\n0\n", "", 0],
  ["A=\"x y\"; [[ $A == \"x y\" ]] && echo nosplit; [[ * == \"*\" ]] && echo noglob", "nosplit\nnoglob\n", "", 0],
  ["[[ -v HOME ]] && echo set; [[ -v NOPE_NOT_SET ]] || echo unset", "set\nunset\n", "", 0],
  ["f() { local x=2; echo $x; return 4; }; x=1; f; echo $? $x", "2\n4 1\n", "", 0],
  ["function g { echo \"$#:$1:$2\"; for a in \"$@\"; do echo \"<$a>\"; done; echo \"[$*]\"; }; g \"a b\" c", "2:a b:c\n<a b>\n<c>\n[a b c]\n", "", 0],
  ["f() { echo hi; }; type f; type -t f; command -v f", "f is a function\nf () \n{ \n    echo hi\n}\nfunction\nf\n", "", 0],
  ["f() { return 300; }; f; echo $?", "44\n", "", 0],
  ["f() { false; return; }; f; echo $?", "1\n", "", 0],
  ["f() { return 5; }; if f; then echo t; else echo \"f $?\"; fi", "f 5\n", "", 0],
  ["f() { echo \"$@\"; echo $#; shift; echo \"$1\"; }; f 1 2 3; echo \"$#\"", "1 2 3\n3\n2\n0\n", "", 0],
  ["set -- a b; f() { echo $1; }; f z; echo $1", "z\na\n", "", 0],
  ["f() { g() { echo inner; }; }; f; g", "inner\n", "", 0],
  ["f() { echo $FUNCNAME; g; }; g() { echo ${FUNCNAME[@]}; }; f; echo \"[$FUNCNAME]\"", "f\ng f\n[]\n", "", 0],
  ["count() { local n=0; for i in \"$@\"; do ((n++)); done; echo $n; }; count a b c", "3\n", "", 0],
  ["f() ( x=3; echo $x ); x=1; f; echo $x", "3\n1\n", "", 0],
  ["x=1; f() { x=2; }; f; echo $x", "2\n", "", 0],
  ["f() { local x; echo \"[${x-unset}]\"; }; x=1; f; echo $x", "[unset]\n1\n", "", 0],
  ["f() { printf \"[%s]\" \"$@\"; echo; }; f; f \"\"; f a \"\" b", "[]\n[]\n[a][][b]\n", "", 0],
  ["f() { echo \"x$@y\"; }; f 1 2; f", "x1 2y\nxy\n", "", 0],
  ["fact() { if (( $1 <= 1 )); then echo 1; else echo $(( $1 * $(fact $(( $1 - 1 ))) )); fi; }; fact 5", "120\n", "", 0],
  ["ls() { echo mine; command ls -d /etc; }; ls", "mine\n/etc\n", "", 0],
  ["cd() { echo going; builtin cd \"$@\"; }; cd /etc; pwd", "going\n/etc\n", "", 0],
  ["echo() { builtin echo \"<$*>\"; }; echo a b", "<a b>\n", "", 0],
  ["builtin nope", "", "bash: builtin: nope: not a shell builtin\n", 1],
  ["return 3", "", "bash: return: can only `return' from a function or sourced script\n", 2],
  ["local x=1", "", "bash: local: can only be used in a function\n", 1],
  ["f() { :; }; unset f; type f", "", "bash: type: f: not found\n", 1],
  ["set -- 1 2 3 4 5 6 7 8 9 ten; echo ${10} $10", "ten 10\n", "", 0],
  ["((1+1)); echo $?; ((0)); echo $?; ((x=5)); echo $x", "0\n1\n5\n", "", 0],
  ["((1 +)); echo $?", "1\n", "bash: ((: 1 +: syntax error: operand expected (error token is \"+\")\n", 0],
  ["echo $(( 1 + ))", "", "bash: 1 + : syntax error: operand expected (error token is \"+ \")\n", 1],
  ["echo $((1/0)); echo after", "", "bash: 1/0: division by 0 (error token is \"0\")\n", 1],
  ["for ((i=0;i<3;i++)); do echo $i; done", "0\n1\n2\n", "", 0],
  ["for ((i=10; i>0; i-=4)); do echo $i; done", "10\n6\n2\n", "", 0],
  ["i=0; while ((i < 3)); do echo $i; ((i++)); done", "0\n1\n2\n", "", 0],
  ["i=0; until [[ $i -ge 2 ]]; do echo $i; i=$((i+1)); done", "0\n1\n", "", 0],
  ["echo $((0x10 + 010 + 2#11)); echo $((08))", "27\n", "bash: 08: value too great for base (error token is \"08\")\n", 1],
  ["x=3; ((x+=2, x*=2)); echo $x $((x--)) $x $((--x))", "10 10 9 8\n", "", 0],
  ["a=5; b=a; echo $((b + 1)) $(( a > 3 ? 10 : 20 ))", "6 10\n", "", 0],
  ["for i in 1 2 3; do for j in a b; do [[ $j == b ]] && continue 2; echo $i$j; done; done", "1a\n2a\n3a\n", "", 0],
  ["echo {1..3} a{b,c}d", "1 2 3 abd acd\n", "", 0],
  ["echo {01..10..3} {a..e..2} {5..1} {-2..2}", "01 04 07 10 a c e 5 4 3 2 1 -2 -1 0 1 2\n", "", 0],
  ["echo x{a,b{1,2},}y a{,}b {a} {} \"{a,b}\"", "xay xb1y xb2y xy ab ab {a} {} {a,b}\n", "", 0],
  ["for i in {1..3}; do echo n$i; done", "n1\nn2\nn3\n", "", 0],
  ["x=5; echo {1..$x} ${x}{a,b}", "{1..5} 5a 5b\n", "", 0],
  ["arr=(a b c); echo ${arr[1]} ${#arr[@]} ${arr[@]} $arr ${arr[-1]}", "b 3 a b c a c\n", "", 0],
  ["pods=(web-1 \"db 2\"); for p in \"${pods[@]}\"; do echo \"<$p>\"; done; pods+=(x); echo ${#pods[@]}", "<web-1>\n<db 2>\n3\n", "", 0],
  ["x=a; x+=bc; echo $x", "abc\n", "", 0],
  ["n=$(echo 1 2 3); arr=($n); echo ${#arr[@]}", "3\n", "", 0],
  ["arr=(); echo ${#arr[@]} \"[${arr[@]}]\"", "0 []\n", "", 0],
  ["f() { printf '%s\\n' \"$@\"; }; f \"${BASH_REMATCH[@]}\"; [[ k8s-v1.32 =~ v([0-9]+)\\.([0-9]+) ]]; f \"${BASH_REMATCH[@]}\"", "\nv1.32\n1\n32\n", "", 0],
  ["shopt -s extglob; shopt extglob nullglob; echo $?", "extglob        \ton\nnullglob       \toff\n1\n", "", 0],
  ["shopt -s foo", "", "bash: shopt: foo: invalid shell option name\n", 1],
  ["f() { echo hi; }; g() { :; }; x=1; export y=2; a=(p \"q r\"); declare -f f; declare -F; declare -p x y a; declare -p nope; echo $?; command -V f", "f () \n{ \n    echo hi\n}\ndeclare -f f\ndeclare -f g\ndeclare -- x=\"1\"\ndeclare -x y=\"2\"\ndeclare -a a=([0]=\"p\" [1]=\"q r\")\n1\nf is a function\nf () \n{ \n    echo hi\n}\n", "bash: declare: nope: not found\n", 0],
  ["h() { declare z=3; echo $z; }; h; echo \"[$z]\"; declare -x w=5; declare -p w; v=\"a\\\"b\\$c\"; declare -p v; echo \"x\\\"y\" \"\\q\"", "3\n[]\ndeclare -x w=\"5\"\ndeclare -- v=\"a\\\"b\\$c\"\nx\"y \\q\n", "", 0],
  ["a=b; b=a; echo $((a + 1)); echo after", "", "bash: b: expression recursion level exceeded (error token is \"b\")\n", 1],
  ["x=hello; echo ${x:1:3} ${x: -2} ${x:1} ${x:1:-1} \"${x:10}\" ${x::2}; set -- a b c d; echo ${@:2} ${@:1:2} ${@:0:1}", "ell lo ello ell  he\nb c d a b bash\n", "", 0],
  ["arr=(p q r); echo ${arr[@]:1} ${arr[@]: -1}; f() { printf \"<%s>\" \"${@:2}\"; echo; }; f 1 \"2 3\" 4", "q r r\n<2 3><4>\n", "", 0],
  ["x=hi; echo ${x:1:-5}; echo after", "", "bash: -5: substring expression < 0\n", 1],
  ["echo $(case x in x) echo y;; esac) done; echo \"$(case b in a) echo A;; *) echo other;; esac)\"; echo $(echo case) $(echo esac)", "y done\nother\ncase esac\n", "", 0],
];

bashGoldens("bash compound syntax: [[ ]], case, functions, (( )), brace expansion, arrays", GOLDEN);

describe("syntax errors read as interactive bash prints them", () => {
  const cases: [string, string][] = [
    ["case a in a) echo x;; esac ;;", "bash: syntax error near unexpected token `;;'\n"],
    ["echo a ;;", "bash: syntax error near unexpected token `;;'\n"],
    ["case x in a) echo;; b", "bash: syntax error near unexpected token `newline'\n"],
    ["case x in ) echo", "bash: syntax error near unexpected token `)'\n"],
    ["esac", "bash: syntax error near unexpected token `esac'\n"],
    ["f() echo hi", "bash: syntax error near unexpected token `echo'\n"],
    ["function", "bash: syntax error near unexpected token `newline'\n"],
    ["}", "bash: syntax error near unexpected token `}'\n"],
  ];
  for (const [line, err] of cases) {
    it(line, async () => {
      const h = harness();
      expect(await h.run(`${line}\necho never`)).toMatchObject({ out: "", err, code: 2 });
    });
  }

  it("reports input that ends inside [[, a case or a function body", async () => {
    const h = harness();
    expect(await h.run("[[ -n x")).toMatchObject({ err: "bash: unexpected EOF while looking for `]]'\n", code: 2 });
    expect(await h.run("case x in a) echo")).toMatchObject({ err: "bash: syntax error: unexpected end of file\n", code: 2 });
    expect(await h.run("f() { echo")).toMatchObject({ err: "bash: syntax error: unexpected end of file\n", code: 2 });
  });

  it("[[ parse errors print bash's conditional messages and leave $? as it was", async () => {
    const h = harness();
    const cases: [string, string][] = [
      ["[[ a == ]]", "bash: unexpected argument `]]' to conditional binary operator\n"],
      ["[[ a == && b ]]", "bash: unexpected argument `&&' to conditional binary operator\n"],
      ["[[ -n ]]", "bash: unexpected argument `]]' to conditional unary operator\n"],
      ["[[ a b ]]", "bash: conditional binary operator expected\n"],
      ["[[ -q a ]]", "bash: conditional binary operator expected\n"],
      ["[[ ( a ]]", "bash: unexpected token `]]', expected `)'\n"],
      ["[[ a == b c ]]", "bash: syntax error in conditional expression\n"],
      ["[[ a ) ]]", "bash: syntax error in conditional expression: unexpected token `)'\n"],
      ["[[ ]]", ""],
      ["[[ a && ]]", ""],
    ];
    for (const [line, err] of cases) {
      await h.run("false");
      expect(await h.run(`${line}; echo never`), line).toMatchObject({ out: "", err, code: 1 });
    }
  });
});

describe("needsMoreInput for the new compounds", () => {
  it("asks for more inside an open case, function body, [[ or ((", () => {
    for (const s of ["case x in", "case x in a) echo", "case x in\na) echo hi\n;;", "f() {", "f() { echo", "function f", "f()", "[[ -n x", "[[ a ==", "[[ a == b &&", "if [[ -n x", "((x", "for ((i=0;"]) {
      expect(needsMoreInput(s), s).toBe(true);
    }
  });
  it("does not once they are closed, or for syntax errors", () => {
    for (const s of ["case $x in\n  a|b)\n    echo ab\n    ;;\n  *)\n    echo other\n    ;;\nesac", "f() {\n  echo hi\n}", "[[ -n x ]]", "((x++))", "case x in a) echo;; b", "esac", "f() echo hi"]) {
      expect(needsMoreInput(s), s).toBe(false);
    }
  });
});

describe("functions", () => {
  it("type re-prints a function body in bash's layout", async () => {
    const h = harness();
    const def = [
      'f() { echo "a b" $1 > /root/x 2>&1; ls | wc -l && echo ok || echo no; }',
      "g() {",
      "  if [ -f x ]; then echo yes; elif true; then :; else echo no; fi",
      "  for i in 1 2; do echo $i; done",
      "  while true; do break; done",
      "  case $1 in a|b) echo ab;; *) echo other;; esac",
      "  [[ -n $x && $y == z* ]] && echo c",
      "  (( i++ ))",
      "  for ((i=0;i<2;i++)); do echo; done",
      "  { echo grp; } > f",
      "  local v=2",
      "}",
      "h() ( echo sub )",
    ].join("\n");
    await h.run(def);
    const r = await h.run("type f g h");
    expect(r.out).toBe(
      [
        "f is a function",
        "f () ",
        "{ ",
        '    echo "a b" $1 > /root/x 2>&1;',
        "    ls | wc -l && echo ok || echo no",
        "}",
        "g is a function",
        "g () ",
        "{ ",
        "    if [ -f x ]; then",
        "        echo yes;",
        "    else",
        "        if true; then",
        "            :;",
        "        else",
        "            echo no;",
        "        fi;",
        "    fi;",
        "    for i in 1 2;",
        "    do",
        "        echo $i;",
        "    done;",
        "    while true; do",
        "        break;",
        "    done;",
        "    case $1 in ",
        "        a | b)",
        "            echo ab",
        "        ;;",
        "        *)",
        "            echo other",
        "        ;;",
        "    esac;",
        "    [[ -n $x && $y == z* ]] && echo c;",
        "    (( i++ ));",
        "    for ((i=0; i<2; i++))",
        "    do",
        "        echo;",
        "    done;",
        "    { ",
        "        echo grp",
        "    } > f;",
        "    local v=2",
        "}",
        "h is a function",
        "h () ",
        "{ ",
        "    ( echo sub )",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("persist across lines, return from sourced files, and keep redirections of the definition", async () => {
    const h = harness();
    await h.run("greet() { echo \"hello $1\"; } > /root/greet.txt");
    expect(await h.run("greet you; cat /root/greet.txt")).toMatchObject({ out: "hello you\n", code: 0 });
    await h.run("printf 'echo in; return 7; echo no\\n' > s.sh");
    expect(await h.run("source s.sh; echo $?")).toMatchObject({ out: "in\n7\n" });
    expect(await h.run("kubectl() { echo \"wrapped $*\"; }; kubectl get pods")).toMatchObject({ out: "wrapped get pods\n" });
  });

  it("time reports the virtual time a pipeline took, in bash's two formats", async () => {
    const h = harness();
    expect(await h.run("time sleep 2")).toMatchObject({ out: "", err: "\nreal\t0m2.000s\nuser\t0m0.000s\nsys\t0m0.000s\n", code: 0 });
    expect(await h.run("time -p sleep 61.5; time false")).toMatchObject({
      err: "real 61.50\nuser 0.00\nsys 0.00\n\nreal\t0m0.000s\nuser\t0m0.000s\nsys\t0m0.000s\n",
      code: 1,
    });
  });

  it("runaway recursion and loops without simple commands stay bounded", async () => {
    const h = harness();
    expect(await h.run("f() { f; }; f; echo never")).toMatchObject({ out: "", err: "bash: f: maximum function nesting level exceeded (1000)\n", code: 1 });
    const r = await h.run("while ((1)); do ((x++)); done");
    expect(r.err).toBe("bash: stopped after 20000 commands in one line (simulation limit)\n");
  });
});

describe("fuzz over the compound syntax", () => {
  const PIECES = [
    "[[", "]]", "case", "in", "esac", "a)", "*)", "(", ")", ";;", ";&", ";;&", "((", "))", "i++", "x=1", "f()", "{", "}", "function", "f",
    "return", "local", "=~", "==", "!=", "-eq", "-lt", "-n", "-z", "-f", "!", "&&", "||", "|", ";", "\n", "{1..3}", "a{b,c}", "arr=(", "${arr[@]}",
    '"$@"', "$#", "$1", "${10}", "break", "continue", "for", "while", "until", "do", "done", "if", "then", "fi", "echo", "true", "false", "'a b'",
    '"q"', "^(a|b)$", "$((", "1+", "2", "type", "unset",
  ];
  it("parses, asks for more input, and runs random lines without throwing", async () => {
    let seed = 4242;
    const r = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const h = harness();
    for (let i = 0; i < 800; i++) {
      const n = 1 + Math.floor(r() * 10);
      let line = "";
      for (let k = 0; k < n; k++) line += PIECES[Math.floor(r() * PIECES.length)] + (r() < 0.8 ? " " : "");
      expect(typeof needsMoreInput(line), line).toBe("boolean");
      const res = await h.run(line);
      expect(Number.isInteger(res.code), line).toBe(true);
      expect(res.err, line).not.toContain("internal error");
    }
  }, 120_000);
});
