import { bashGoldens, type BashGolden } from "./testing/bash-goldens";

/**
 * Command line -> stdout, stderr, exit status, each checked once against bash 5.2.15 (`bash -c`, with its
 * "line 1: " prefix dropped, which an interactive shell does not print).
 */
const ARRAYS: BashGolden[] = [
  ["a=(x y); a[2]=z; a+=(p q); declare -p a", "declare -a a=([0]=\"x\" [1]=\"y\" [2]=\"z\" [3]=\"p\" [4]=\"q\")\n", "", 0],
  ["a=(x y); i=1; a[i+1]=v; a[$i]=w; declare -p a; echo ${#a[@]} ${!a[@]}", "declare -a a=([0]=\"x\" [1]=\"w\" [2]=\"v\")\n3 0 1 2\n", "", 0],
  ["a=(1 2 3); unset 'a[1]'; declare -p a; echo \"${a[@]}\" ${#a[@]} ${!a[*]}", "declare -a a=([0]=\"1\" [2]=\"3\")\n1 3 2 0 2\n", "", 0],
  ["a=([0]=x [2]=y); declare -p a; a+=(z); declare -p a", "declare -a a=([0]=\"x\" [2]=\"y\")\ndeclare -a a=([0]=\"x\" [2]=\"y\" [3]=\"z\")\n", "", 0],
  ["declare -A m; m[k]=v; m[k2]=v2; declare -p m; echo ${m[k]} ${#m[@]}; for k in \"${!m[@]}\"; do echo \"$k=${m[$k]}\"; done", "declare -A m=([k]=\"v\" [k2]=\"v2\" )\nv 2\nk=v\nk2=v2\n", "", 0],
  ["declare -A m=([k]=v [k2]=v2); m+=([z]=1); declare -p m", "declare -A m=([z]=\"1\" [k]=\"v\" [k2]=\"v2\" )\n", "", 0],
  ["declare -A m=([a]=1 [b]=2 [c]=3 [d]=4 [e]=5 [f]=6 [g]=7 [h]=8 [i]=9 [j]=10 [kube-system]=x [default]=y); echo \"${!m[@]}\"; echo \"${m[@]}\"", "kube-system j i h g f e d c b a default\nx 10 9 8 7 6 5 4 3 2 1 y\n", "", 0],
  ["declare -A m; m=(a b c d); declare -p m", "declare -A m=([c]=\"d\" [a]=\"b\" )\n", "", 0],
  ["declare -a ia; declare -A ia; echo rc=$?", "rc=1\n", "bash: declare: ia: cannot convert indexed to associative array\n", 0],
  ["declare -A as; declare -a as; echo rc=$?", "rc=1\n", "bash: declare: as: cannot convert associative to indexed array\n", 0],
  ["u[x]=1; declare -p u; x=5; u[x+1]=2; declare -p u", "declare -a u=([0]=\"1\")\ndeclare -a u=([0]=\"1\" [6]=\"2\")\n", "", 0],
  ["a=(1 2 3); echo ${a[-1]} ${a[-5]}; echo rc=$?", "3\nrc=0\n", "bash: a: bad array subscript\n", 0],
  ["a=(1 2 3); a[-5]=z; echo rc=$?", "", "bash: a[-5]: bad array subscript\n", 1],
  ["a=(1 2 3); unset 'a[-5]'; echo rc=$?", "rc=1\n", "bash: unset: [-5]: bad array subscript\n", 0],
  ["s=str; s[1]=t; declare -p s; echo $s", "declare -a s=([0]=\"str\" [1]=\"t\")\nstr\n", "", 0],
  ["declare -A m4; m4[]=x; echo rc=$?", "", "bash: m4[]: bad array subscript\n", 1],
  ["declare -A m5; m5[a b]=x; declare -p m5; echo ${m5[a b]}; k=\"a b\"; echo ${m5[$k]}", "declare -A m5=([\"a b\"]=\"x\" )\nx\nx\n", "", 0],
  ["k=\"a b\"; declare -A m6; m6[$k]=1; m6[\"q\"]=2; m6['$k']=3; declare -p m6", "declare -A m6=([q]=\"2\" [\"a b\"]=\"1\" [\"\\$k\"]=\"3\" )\n", "", 0],
  ["declare -A m=([a=b]=1 [\"#x\"]=2 [~x]=3 [a~]=4 [a#]=5 [%]=6 [,]=7 [@]=8 [a:b]=9 [a/b]=10 [a.b]=11 [-]=12 [\"+\"]=13); declare -p m", "declare -A m=([\"#x\"]=\"2\" [a~]=\"4\" [-]=\"12\" [,]=\"7\" [+]=\"13\" [%]=\"6\" [a=b]=\"1\" [\"@\"]=\"8\" [a#]=\"5\" [a.b]=\"11\" [a:b]=\"9\" [a/b]=\"10\" [\"~x\"]=\"3\" )\n", "", 0],
  ["x=abc; x+=def; echo $x; declare -i n=3; n+=2; echo $n; declare -p n", "abcdef\n5\ndeclare -i n=\"5\"\n", "", 0],
  ["declare -A e; declare -p e; declare -a f; declare -p f; g=(); declare -p g", "declare -A e\ndeclare -a f\ndeclare -a g=()\n", "", 0],
  ["declare -i n; n=3+4; n+=2; echo $n; n=abc; echo $n; declare -p n; export n; declare -p n", "9\n0\ndeclare -i n=\"0\"\ndeclare -ix n=\"0\"\n", "", 0],
  ["declare -i n=2**3; declare -p n", "declare -i n=\"8\"\n", "", 0],
  ["a=(xa xb); echo ${a[@]#x} \"${a[@]/x/Y}\" ${a[@]^^}", "a b Ya Yb XA XB\n", "", 0],
  ["s=str; echo ${!s[@]} ${#s[@]}; echo ${!u[@]}x ${#u[@]}", "0 1\nx 0\n", "", 0],
  ["x=abc; echo ${x^} ${x^^} ${x,,} ${x^^[ab]} ${x~~}", "Abc ABC abc ABc ABC\n", "", 0],
  ["declare -A m=([a]=1); echo \"[$m]\" ${m[0]}; m[0]=z; echo $m", "[]\nz\n", "", 0],
  ["a=(1 2); echo $a; a=z; declare -p a", "1\ndeclare -a a=([0]=\"z\" [1]=\"2\")\n", "", 0],
  ["declare -a a=(1 2) b; declare -p a b", "declare -a a=([0]=\"1\" [1]=\"2\")\ndeclare -a b\n", "", 0],
  ["f(){ local -A m=([k]=v); declare -p m; local -a arr=(1 2); declare -p arr; }; f; declare -p m arr", "declare -A m=([k]=\"v\" )\ndeclare -a arr=([0]=\"1\" [1]=\"2\")\n", "bash: declare: m: not found\nbash: declare: arr: not found\n", 1],
  ["declare -A m; m[k]+=v; m[k]+=w; declare -p m; a=(1); a[0]+=2; a[3]+=x; declare -p a", "declare -A m=([k]=\"vw\" )\ndeclare -a a=([0]=\"12\" [3]=\"x\")\n", "", 0],
  ["s=1; declare -A s; declare -p s", "declare -A s=([0]=\"1\" )\n", "", 0],
  ["s=1; declare -a s; declare -p s", "declare -a s=([0]=\"1\")\n", "", 0],
  ["declare -A m=([a]=1 [b]=2); unset \"m[a]\"; declare -p m; unset m[b]; declare -p m; unset m; declare -p m", "declare -A m=([b]=\"2\" )\ndeclare -A m=()\n", "bash: declare: m: not found\n", 1],
  ["x=3; echo ${!x}; y=x; echo ${!y}; ab1=1 ab2=2; echo ${!ab@}", "\n3\nab1 ab2\n", "", 0],
  ["declare -A c; for w in a b a c a; do ((c[$w]++)); done; declare -p c; a=(1 2); ((a[1]+=5)); echo $((a[1]*2)) ${a[@]}", "declare -A c=([c]=\"1\" [b]=\"1\" [a]=\"3\" )\n14 1 7\n", "", 0],
  ["declare -A m; m[x]=1; echo \"${m[@]}\" \"${#m[@]}\"; echo ${m[y]:-def}; k=x; echo ${m[$k]}", "1 1\ndef\n1\n", "", 0],
  ["x=hello; echo ${x/#he/HE} ${x/%lo/LO} ${x/l} ${x//l/}", "HEllo helLO helo heo\n", "", 0],
  ["a=(a b c d e); echo ${a[@]:1:2} ${a[@]: -2}; b=([2]=x [5]=y [7]=z); echo ${b[@]:3} ${b[@]:1:2}", "b c d e\ny z x y\n", "", 0],
  ["declare -A m; m=([a]=1); m+=([b]=2); echo ${#m[@]}; declare -a a; a+=(x); declare -p a", "2\ndeclare -a a=([0]=\"x\")\n", "", 0],
  ["i=2; a=(); a[i++]=x; a[i]=y; echo $i; declare -p a", "3\ndeclare -a a=([2]=\"x\" [3]=\"y\")\n", "", 0],
  ["a=(x y); a[i-9]=z; echo n", "", "bash: a[i-9]: bad array subscript\n", 1],
  ["declare -A m; m=([a]=1 b); declare -p m", "declare -A m=([a]=\"1\" )\n", "bash: m: b: must use subscript when assigning associative array\n", 0],
  ["a=(x y); a+=q; declare -p a", "declare -a a=([0]=\"xq\" [1]=\"y\")\n", "", 0],
  ["a=(one two); a=(${a[@]} three); declare -p a", "declare -a a=([0]=\"one\" [1]=\"two\" [2]=\"three\")\n", "", 0],
  ["files=(a.yaml b.yml c.txt); for f in \"${files[@]%.*}\"; do echo \"$f\"; done", "a\nb\nc\n", "", 0],
  ["declare -A img=([nginx]=1.25 [redis]=7); for k in \"${!img[@]}\"; do printf '%s:%s\\n' \"$k\" \"${img[$k]}\"; done | sort", "nginx:1.25\nredis:7\n", "", 0],
  ["declare -A m=([\"x y\"]=1); echo \"${!m[@]}\"; unset 'm[x y]'; echo ${#m[@]}", "x y\n0\n", "", 0],
  ["arr=(); arr[5]=x; echo ${#arr[@]} ${!arr[@]}; arr+=(y); declare -p arr", "1 5\ndeclare -a arr=([5]=\"x\" [6]=\"y\")\n", "", 0],
];

const EXPANSIONS: BashGolden[] = [
  ["x=ab; [[ $x == @(ab|cd) ]] && echo yes; [[ $x == !(a*) ]] || echo no; [[ abab == +(ab) ]] && echo plus; [[ \"\" == *(x) ]] && echo star; [[ a == ?(a) ]] && echo opt", "yes\nno\nplus\nstar\nopt\n", "", 0],
  ["@@", "", "bash: @@: command not found\n", 127],
  ["x=aaabbb; echo ${x##+(a)} ${x%%*(b)} ${x//@(a|b)/-} ${x/#+(a)/X}", "aaabbb aaabbb aaabbb aaabbb\n", "", 0],
  ["@@\nx=abc; [[ $x == @(a|b)* ]] && echo m; [[ $x == a!(b)c ]] || echo n; [[ axc == a!(b)c ]] && echo o", "m\nn\no\n", "bash: @@: command not found\n", 0],
  ["[[ foo.tar.gz == *.@(tar.gz|tgz) ]] && echo archive; [[ kube-proxy-x7 == kube-@(proxy|dns)-* ]] && echo kp", "archive\nkp\n", "", 0],
  ["[[ abc == \"@(abc)\" ]] || echo quoted", "quoted\n", "", 0],
  ["x=hello.world; echo ${x%.*} ${x%%.*} ${x#*.} ${x##*o}", "hello hello world rld\n", "", 0],
  ["x=/a/b/c.yaml; echo ${x##*/} ${x%/*} ${x/.yaml/.yml} ${x//\\//:}", "c.yaml /a/b /a/b/c.yml :a:b:c.yaml\n", "", 0],
  ["p=\"*\"; x=a*b; echo \"${x/\"$p\"/X}\" ${x/$p/X}", "aXb X\n", "", 0],
  ["x=AbC; echo ${x,} ${x,,} ${x^^} ${x~} ${x~~}", "abC abc ABC abC aBc\n", "", 0],
  ["a=(pod-a pod-b); echo \"${a[@]^}\" \"${a[*]#pod-}\"", "Pod-a Pod-b a b\n", "", 0],
  ["declare -A m=([b]=2 [a]=1); echo \"${m[@]}\"; echo ${m[*]}", "2 1\n2 1\n", "", 0],
  ["set -- x y z; echo ${@^} \"${@#x}\"", "X Y Z  y z\n", "", 0],
  ["@@\na=(x y z); for i in \"${!a[@]}\"; do echo \"$i ${a[i]}\"; done", "0 x\n1 y\n2 z\n", "bash: @@: command not found\n", 0],
  ["a=(x y z); echo ${a[1]:0:1} ${#a[1]} ${a[@]: -1}", "y 1 z\n", "", 0],
  ["@@\na=(1 2 3); echo $(( ${a[0]} + a[1] + a[2] ))", "6\n", "bash: @@: command not found\n", 0],
  ["a=([1]=x); echo ${a[0]-unset} ${a[1]}", "unset x\n", "", 0],
  ["declare -i x=5; x=x*2; echo $x", "10\n", "", 0],
  ["n=1; n+=1; echo $n", "11\n", "", 0],
  ["v=(a); v[${#v[@]}]=b; declare -p v", "declare -a v=([0]=\"a\" [1]=\"b\")\n", "", 0],
  ["declare -p BASH_REMATCH; [[ ab =~ (a)(b) ]]; declare -p BASH_REMATCH", "declare -a BASH_REMATCH=([0]=\"ab\" [1]=\"a\" [2]=\"b\")\n", "bash: declare: BASH_REMATCH: not found\n", 0],
  ["mapfile lines <<< $'a\\nb'; declare -p lines; readarray -t MAP <<< \"q\"; declare -p MAP; mapfile < /dev/null; declare -p MAPFILE", "declare -a lines=([0]=$'a\\n' [1]=$'b\\n')\ndeclare -a MAP=([0]=\"q\")\ndeclare -a MAPFILE=()\n", "", 0],
  ["printf '1\\n2\\n3\\n4\\n' | { mapfile -t -s 1 -n 2 x; declare -p x; }", "declare -a x=([0]=\"2\" [1]=\"3\")\n", "", 0],
  ["read -ra p <<< \"a b  c\"; declare -p p; IFS=, read -ra q <<< \"x,y\"; declare -p q; read -a r -r <<< \"1 2\"; declare -p r", "declare -a p=([0]=\"a\" [1]=\"b\" [2]=\"c\")\ndeclare -a q=([0]=\"x\" [1]=\"y\")\ndeclare -a r=([0]=\"1\" [1]=\"2\")\n", "", 0],
  ["x=$'a\\tb\\x01'; declare -p x", "declare -- x=$'a\\tb\\001'\n", "", 0],
  ["IFS=: read -r user pass rest <<< \"root:x:0:0:root:/root:/bin/bash\"; echo \"$user|$pass|$rest\"", "root|x|0:0:root:/root:/bin/bash\n", "", 0],
  ["read a b <<< \"  one   two   three  \"; echo \"[$a][$b]\"", "[one][two   three]\n", "", 0],
  ["IFS=, read -r a b c <<< \"x,,y\"; echo \"[$a][$b][$c]\"", "[x][][y]\n", "", 0],
  ["echo \"a b\" | while read -r x y; do echo \"$y-$x\"; done", "b-a\n", "", 0],
  ["read -r line <<< 'a\\b'; echo \"$line\"; read line <<< 'a\\b'; echo \"$line\"", "a\\b\nab\n", "", 0],
  ["declare -A m; mapfile m < /dev/null; echo $?", "1\n", "bash: mapfile: m: not an indexed array\n", 0],
  ["x=/a/b/c.yaml; echo ${x##*/} ${x%/*} ${x/.yaml/.yml} ${x//\\//:}", "c.yaml /a/b /a/b/c.yml :a:b:c.yaml\n", "", 0],
  ["p=\"*\"; x=a*b; echo \"${x/\"$p\"/X}\" ${x/$p/X} \"${x:-\"d e\"}\"", "aXb X a*b\n", "", 0],
  ["v=\"\"; echo \"${v:-\"default value\"}\" \"${v:-'single'}\"", "default value 'single'\n", "", 0],
  ["x=abc; echo \"${x#\"a\"}\" \"${x#'a'}\" ${x#\\a}\n", "bc bc bc\n", "", 0],
];

/** Declared but never assigned: `declare x`, `export e`, `local y` read as unset and print without a value. */
const DECLARED_ONLY: BashGolden[] = [
  ["x=1; f(){ declare x; echo \"[${x-unset}]\"; declare -p x; }; f; echo $x", "[unset]\ndeclare -- x\n1\n", "", 0],
  ["declare x; echo \"[${x-unset}]\"; declare -p x; set | grep \"^x=\"; x=2; declare -p x", "[unset]\ndeclare -- x\ndeclare -- x=\"2\"\n", "", 0],
  ["declare -i m; declare -p m; m=3+1; declare -p m", "declare -i m\ndeclare -i m=\"4\"\n", "", 0],
  ["export e; declare -p e; env | grep \"^e=\"; echo \"[${e-unset}]\"; export -p | grep \" e\"", "declare -x e\n[unset]\ndeclare -x e\n", "", 0],
  ["x=5; declare x; declare -p x", "declare -- x=\"5\"\n", "", 0],
  ["f() { local y; echo \"[${y-unset}]\"; declare -p y; y=2; local; }; f; echo \"[${y-unset}]\"", "[unset]\ndeclare -- y\ndeclare -- y=\"2\"\n[unset]\n", "", 0],
  ["x=1; f() { local x; x=2; g; }; g() { echo $x; }; f; echo $x", "2\n1\n", "", 0],
  ["f() { local -a a=(1) ; local b c=3; local -i d=4; local; }; f", "declare -a a=([0]=\"1\")\ndeclare -- b\ndeclare -- c=\"3\"\ndeclare -i d=\"4\"\n", "", 0],
];

/** Snippets of the kind CKA-prep scripts use. */
const SNIPPETS: BashGolden[] = [
  ["a=(1 2 3); (( a[-5]=1 )); echo rc=$?", "rc=0\n", "bash: a[-5]: bad array subscript\n", 0],
  ["a=(x); echo $(( a[1] + 1 )) ${a[x]}", "1 x\n", "", 0],
  ["declare -A m=([a]=1); echo $(( m[a] + 1 )); (( m[b] = 5 )); declare -p m", "2\ndeclare -A m=([b]=\"5\" [a]=\"1\" )\n", "", 0],
  ["nodes=(node01 node02); for n in \"${nodes[@]}\"; do echo \"ssh $n\"; done; echo \"count=${#nodes[@]} last=${nodes[-1]} first=${nodes[0]}\"", "ssh node01\nssh node02\ncount=2 last=node02 first=node01\n", "", 0],
  ["declare -A ports=([http]=80 [https]=443); for svc in http https; do echo \"$svc -> ${ports[$svc]}\"; done", "http -> 80\nhttps -> 443\n", "", 0],
  ["a=(); echo \"${#a[@]}\" \"[${a[@]}]\" \"[${a[*]}]\"; for x in \"${a[@]}\"; do echo never; done; echo end", "0 [] []\nend\n", "", 0],
  ["a=(\"a b\" c); printf '<%s>' \"${a[@]}\" ${a[@]} \"${a[*]}\"; echo", "<a b><c><a><b><c><a b c>\n", "", 0],
  ["a=(x y); b=(\"${a[@]}\"); b[0]=z; echo ${a[0]} ${b[0]}", "x z\n", "", 0],
  ["a=(3 1 2); echo \"${a[@]}\" | tr ' ' '\\n' | sort -n | tr '\\n' ' '; echo", "1 2 3 \n", "", 0],
  ["str=\"a,b,c\"; IFS=, read -ra parts <<< \"$str\"; echo ${#parts[@]} ${parts[2]}", "3 c\n", "", 0],
  ["declare -a a=([3]=x); a[-1]=y; declare -p a", "declare -a a=([3]=\"y\")\n", "", 0],
  ["a=(1 2); unset a; a[3]=x; declare -p a", "declare -a a=([3]=\"x\")\n", "", 0],
  ["x=5; declare -a x; declare -p x; x+=(6); declare -p x", "declare -a x=([0]=\"5\")\ndeclare -a x=([0]=\"5\" [1]=\"6\")\n", "", 0],
  ["a=(a b c); echo \"${a[@]:1}\" \"${a[*]:0:2}\"; echo ${#a[*]}", "b c a b\n3\n", "", 0],
  ["v=abc; echo ${v[0]} ${v[@]} ${#v[@]}; v[2]=z; echo ${v[@]}", "abc abc 1\nabc z\n", "", 0],
  ["a=(1 2); a[1]+=3; a+=([5]=x 9); declare -p a", "declare -a a=([0]=\"1\" [1]=\"23\" [5]=\"x\" [6]=\"9\")\n", "", 0],
  ["declare -A h; h[one]=1; h+=([two]=2); h[one]+=1; declare -p h", "declare -A h=([two]=\"2\" [one]=\"11\" )\n", "", 0],
  ["f() { local -a a=(\"$@\"); echo \"${#a[@]}:${a[1]}\"; }; f x \"y z\"", "2:y z\n", "", 0],
  ["f() { declare -A m; m[k]=v; echo ${m[k]}; }; f; echo \"[${m[k]}]\"", "v\n[]\n", "", 0],
  ["echo ${undefined[@]:-empty} ${#undefined[@]}", "empty 0\n", "", 0],
  ["a=(x y z); echo ${a[@]/y}; echo ${a[@]//[xz]/Q}", "x z\nQ y Q\n", "", 0],
  ["s=\"Hello World\"; echo ${s^^} ${s,,} ${s~~} ${s^^[lo]}", "HELLO WORLD hello world hELLO wORLD HeLLO WOrLd\n", "", 0],
  ["x=abc; echo ${x@U} \"${x@Q}\"", "ABC 'abc'\n", "", 0],
  ["arr=(one two); arr[${#arr[@]}]=three; echo ${arr[@]}; echo ${arr[${#arr[@]}-1]}", "one two three\nthree\n", "", 0],
  ["i=0; a=(); while (( i < 3 )); do a+=(\"item$i\"); ((i++)); done; echo \"${a[@]}\"", "item0 item1 item2\n", "", 0],
];

const MORE: BashGolden[] = [
  ["a=(1 \"\" 3); [[ -v a[1] ]] && echo set1; [[ -v a[5] ]] || echo unset5; declare -A m=([k]=v); [[ -v m[k] ]] && echo mk; k=k; [[ -v m[$k] ]] && echo mk2", "set1\nunset5\nmk\nmk2\n", "", 0],
  ["a=(x y); echo \"${a[@]:-none}\" \"${b[@]:-none}\"; echo ${#a} ${#a[0]}", "x y none\n1 1\n", "", 0],
  ["a=(x y); f() { local a=(p q r); echo ${#a[@]}; }; f; echo ${#a[@]} ${a[@]}", "3\n2 x y\n", "", 0],
  ["f() { local -a list; list+=(one); list+=(two); echo \"${list[@]}\"; }; f; declare -p list", "one two\n", "bash: declare: list: not found\n", 1],
  ["declare -A m; m[a]=1; f() { m[b]=2; }; f; declare -p m", "declare -A m=([b]=\"2\" [a]=\"1\" )\n", "", 0],
  ["a=(x y z); unset a[0]; echo ${a[@]}; unset 'a[@]'; declare -p a", "y z\ndeclare -a a=()\n", "", 0],
  ["a=(1 2 3); (a[0]=9; echo ${a[@]}); echo ${a[@]}; echo $(a+=(4); echo ${#a[@]}) ${#a[@]}", "9 2 3\n1 2 3\n4 3\n", "", 0],
  ["a=(b a c); for x in \"${a[@]}\"; do echo $x; done | sort | tr '\\n' ' '; echo", "a b c \n", "", 0],
  ["pods=(web-1 web-2 db-1); echo \"${pods[@]/#/pod/}\"; echo \"${pods[@]/%/.yaml}\"", "pod/web-1 pod/web-2 pod/db-1\nweb-1.yaml web-2.yaml db-1.yaml\n", "", 0],
  ["declare -A m=([one]=1 [two]=2); echo \"${m[@]/#/v}\"; echo ${!m[@]} | tr ' ' '\\n' | sort | tr '\\n' ' '; echo", "v2 v1\none two \n", "", 0],
  ["x=(a b); echo ${x[@]@Q} 2>/dev/null; echo done", "'a' 'b'\ndone\n", "", 0],
  ["a=(1 2 3); echo $((${#a[@]} - 1)); i=0; while (( i < ${#a[@]} )); do echo ${a[i]}; ((i++)); done", "2\n1\n2\n3\n", "", 0],
  ["set -- a b c; arr=(\"$@\"); echo ${#arr[@]} \"${arr[1]}\"", "3 b\n", "", 0],
  ["declare -A m; m[k]=v; m=(); declare -p m; a=(1); a=(); declare -p a", "declare -A m=()\ndeclare -a a=()\n", "", 0],
  ["a[1]=x; a[0]=y; echo \"${a[@]}\"; a=( [3]=c [1]=a ); echo \"${!a[@]}\"", "y x\n1 3\n", "", 0],
  ["declare -i n=7; n=n/2; echo $n; n+=x; echo $n", "3\n3\n", "", 0],
  ["x=5; x+=3; echo $x; y=(1); y+=3; declare -p y", "53\ndeclare -a y=([0]=\"13\")\n", "", 0],
  ["readonly r=1; declare -A m; m[$r]=one; echo ${m[1]}", "one\n", "", 0],
  ["x=\"it's\"; y=$'a\\tb'; a=(p \"q r\"); declare -A m=([k]=v); declare -i n=1; echo ${x@Q} ${y@Q} ${a[@]@Q} ${m[@]@Q} ${x@U} ${x@u} ${x@L} ${a@a} ${m@a} ${n@a} ${x@a}; echo ${m[@]@K} ${a[@]@K}; echo ${z@Q}x \"${a[*]@Q}\"", "'it'\\''s' $'a\\tb' 'p' 'q r' 'v' IT'S It's it's a A i\nk \"v\" 0 \"p\" 1 \"q r\"\nx 'p' 'q r'\n", "", 0],
  ["readonly r=1; declare -A m; m[$r]=one; echo ${m[1]}", "one\n", "", 0],
  ["f() { readonly g=2; }; f; echo $g\n", "2\n", "", 0],
  ["declare -A m=([a]=1); k=a; unset 'm[$k]'; declare -p m; m[b]=2; unset m[$k]; declare -p m", "declare -A m=()\ndeclare -A m=([b]=\"2\" )\n", "", 0],
  ["a=(1 2); declare -A m=([k]=v); set | grep -E \"^(a|m)=\"", "a=([0]=\"1\" [1]=\"2\")\nm=([k]=\"v\" )\n", "", 0],
  ["a=(1 2 3); i=1; unset a[i]; declare -p a; unset \"a[$i+1]\"; declare -p a", "declare -a a=([0]=\"1\" [2]=\"3\")\ndeclare -a a=([0]=\"1\")\n", "", 0],
  ["f() { a[1]=x; m=([k]=v [j]=\"a b\"); n+=1; echo \"${a[@]}\"; }; declare -f f", "f () \n{ \n    a[1]=x;\n    m=([k]=v [j]=\"a b\");\n    n+=1;\n    echo \"${a[@]}\"\n}\n", "", 0],
  ["g() { local -A m=([x]=1); shopt -s extglob; [[ $1 == @(a|b) ]] && echo ok; }; type g", "g is a function\ng () \n{ \n    local -A m=([x]=1);\n    shopt -s extglob;\n    [[ $1 == @(a|b) ]] && echo ok\n}\n", "", 0],
];

/** Conversions refused, and process substitution (`< <(cmd)`, `diff <(a) <(b)`). */
const FAILURES_AND_PROCSUBS: BashGolden[] = [
  ["declare -A m; declare -a m=(x); echo after $?; declare -p m", "", "bash: m: cannot convert associative to indexed array\n", 1],
  ["declare -A m; declare -a m=x; echo after $?", "after 1\n", "bash: declare: m: cannot convert associative to indexed array\n", 0],
  ["declare -A m; read -a m <<< \"a b\"; echo $?", "1\n", "bash: read: m: not an indexed array\n", 0],
  ["declare -a a; declare -A a=([k]=v); echo after", "", "bash: a: cannot convert indexed to associative array\n", 1],
  ["declare -A m; m=([0]=a); declare -a m", "", "bash: declare: m: cannot convert associative to indexed array\n", 1],
  ["mapfile -t lines < <(printf 'a\\nb\\nc\\n'); declare -p lines", "declare -a lines=([0]=\"a\" [1]=\"b\" [2]=\"c\")\n", "", 0],
  ["while read -r l; do echo \"<$l>\"; done < <(echo one; echo two)", "<one>\n<two>\n", "", 0],
  ["diff <(echo a; echo b) <(echo a; echo c); echo rc=$?", "2c2\n< b\n---\n> c\nrc=1\n", "", 0],
  ["echo <(true) <(true)", "/dev/fd/63 /dev/fd/62\n", "", 0],
  ["cat <(echo hi) - <<< there", "hi\nthere\n", "", 0],
  ["n=0; while read -r x; do ((n++)); done < <(printf '1\\n2\\n3\\n'); echo $n", "3\n", "", 0],
  ["source <(echo 'sv=42'); echo $sv", "42\n", "", 0],
  ["x=1; (( x<(2) )) && echo lt; for ((i=0;i<(2);i++)); do echo $i; done", "lt\n0\n1\n", "", 0],
];

bashGoldens("bash arrays: element assignment, append, unset, sparse indices, associative arrays", ARRAYS);

bashGoldens("parameter expansion operators, [[ ]] extglob, read and mapfile", EXPANSIONS);

bashGoldens("arrays in functions and subshells, unset 'a[@]', ${x@Q} and friends, readonly", MORE);

bashGoldens("array kind conversions refused as bash refuses them; process substitution", FAILURES_AND_PROCSUBS);

bashGoldens("array snippets from CKA-prep scripts", SNIPPETS);

bashGoldens("declared but unassigned variables", DECLARED_ONLY);
