#!/usr/bin/env bash
# Fill the local cache of public real saved pages that bench/real_pages.py reads.
# Third-party pages stay out of git: the cache folder is gitignored.
#   bash bench/fetch_real_pages.sh [CACHE]      (default .cache/real-pages; needs git and network)
# Offline, from local git copies laid out as <MIRROR>/<owner>+<name>/repo:
#   REAL_PAGES_MIRROR=/work/.mirror bash bench/fetch_real_pages.sh
# Each set is cloned at the commit the scorecard in docs/benchmarks.md was measured on,
# and only the files the scorecard reads are copied (the licence file with them).
set -euo pipefail
cd "$(dirname "$0")/.."
CACHE="$(realpath -m "${1:-.cache/real-pages}")"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# clone NAME OWNER/REPO COMMIT: the repository in $WORK/NAME, nothing checked out yet
# (a mirror may lack its largest files, which the pages never need)
clone() {
    local from="https://github.com/$2"
    if [ -n "${REAL_PAGES_MIRROR:-}" ]; then from="$REAL_PAGES_MIRROR/${2/\//+}/repo"; fi
    git clone --quiet --no-checkout "$from" "$WORK/$1"
    echo "$3" > "$WORK/$1.commit"
}
# want NAME PATH...: those paths of the pinned commit checked out in $WORK/NAME
want() {
    local name="$1"; shift
    git -C "$WORK/$name" checkout --quiet "$(cat "$WORK/$name.commit")" -- "$@"
}
# copy NAME PATH...: the paths of that checkout into $CACHE/NAME, keeping their relative paths
copy() {
    local name="$1"; shift
    want "$name" "$@"
    mkdir -p "$CACHE/$name"
    (cd "$WORK/$name" && cp -r --parents "$@" "$CACHE/$name/")
}

clone cwce immortal-autumn/Chinese-Web-Content-Extraction-Dataset 99d0ef08419109b5489b12e38f771f25b952d774
copy cwce LICENSE README.md original cleaned date author

clone gne GeneralNewsExtractor/GeneralNewsExtractor 3d5a67c65f4d6c8e13c3047754a4c18fc0b0754a
copy gne LICENSE tests test_list_page visiable_test

clone magic-html opendatalab/magic-html 47d4a7fed12030e906a093b074637f178cb46ef2
want magic-html benchmark/data/article/base.json
# The Chinese pages of its article benchmark: those whose hand-labelled body is Chinese.
zh=$(python3 - "$WORK/magic-html/benchmark/data/article/base.json" <<'PY'
import json, re, sys
for key, value in sorted(json.load(open(sys.argv[1], encoding="utf-8")).items()):
    text = value.get("content") or ""
    cjk = len(re.findall(r"[\u4e00-\u9fff]", text))
    if cjk >= 30 and cjk > len(re.findall(r"[A-Za-z]", text)) / 2 \
            and len(re.findall(r"[\u3040-\u30ff]", text)) < 0.05 * cjk:
        print(f"benchmark/data/article/htmls/{key}.html")
PY
)
# shellcheck disable=SC2086
copy magic-html LICENSE benchmark/data/article/base.json $zh

clone trafilatura adbar/trafilatura e90b0ef51ab026fdb905fb6c5b3c84dd3d784fd5
copy trafilatura LICENSE tests/evaldata.json tests/eval/xinhuanet.com.c_1125597921.html \
    tests/eval/banyuetan.org.1000200033136171577956287380194268_1.html \
    tests/eval/archive.org.he.xinhuanet.com.25340717.html tests/eval/baike.baidu.com.tanya.html

clone newspaper4k AndyTheFactory/newspaper4k 540bff3e8344cb8291c4829fafd98860f30d9692
copy newspaper4k LICENSE tests/data/html/chinese_article.html tests/data/html/chinese_article_001.html \
    tests/data/html/chinese_article_002.html

clone mozilla-readability mozilla/readability ab4027a8b37669745016869a37a504727992b2ba
copy mozilla-readability LICENSE.md test/test-pages/gmw test/test-pages/qq test/test-pages/youth \
    test/test-pages/pixnet

clone goose3 goose3/goose3 c5a8902eed0c4592a1ff5ec51a0277cf73a3aca7
copy goose3 LICENSE.txt tests/data/content/test_bbc_chinese.html tests/data/schema/test_schema_list.html

clone gerapy mic1on/GerapyAutoExtractor f8ed405671bc5fc87c27dd6cdda01e193d5d4792
copy gerapy LICENSE samples

echo "filled $CACHE: $(find "$CACHE" -name '*.htm*' | wc -l) pages; run: python bench/real_pages.py"
