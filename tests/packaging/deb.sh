#!/usr/bin/env bash
# The Debian package, built by cpack from this build tree: it holds the two
# programs (stripped), the desktop entry, the icon, the AppStream metadata
# and the man pages, and nothing else; it depends on the Qt libraries and
# plugins the app needs; the desktop entry, the metadata and the man pages
# validate without a warning; and the packaged programs, unpacked into a
# scratch root, run: the server answers the real AWS CLI.
#   tests/packaging/deb.sh BUILD_DIR
set -euo pipefail
build=$1
out=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$out"; }
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cpack --config "$build/CPackConfig.cmake" -B "$out" >"$out/cpack.log" 2>&1 || { cat "$out/cpack.log"; fail "cpack"; }
deb=$(ls "$out"/dynamodesk_*_amd64.deb)

expected="./usr/bin/dynamodesk
./usr/bin/dynamodesk-server
./usr/share/applications/dynamodesk.desktop
./usr/share/icons/hicolor/scalable/apps/dynamodesk.svg
./usr/share/man/man1/dynamodesk-server.1.gz
./usr/share/man/man1/dynamodesk.1.gz
./usr/share/metainfo/org.dynamodesk.dynamodesk.metainfo.xml"
files=$(dpkg-deb -c "$deb" | awk '$1 !~ /^d/ { print $6 }' | sort)
[ "$files" = "$expected" ] || fail "package files: got
$files"

[ "$(dpkg-deb -f "$deb" Package)" = dynamodesk ] || fail "package name"
[ "$(dpkg-deb -f "$deb" Version)" = "$("$build/bin/dynamodesk-server" --version | awk '{ print $2 }')" ] || fail "version differs from the server's"
depends=$(dpkg-deb -f "$deb" Depends)
for d in libqt6core6 libqt6gui6 libqt6widgets6 libqt6network6 libsqlite3-0 qt6-qpa-plugins libqt6svg6; do
  grep -q "\b$d\b" <<<"$depends" || fail "Depends lacks $d: $depends"
done

dpkg-deb -x "$deb" "$out/root"
root=$out/root
for b in dynamodesk dynamodesk-server; do
  sections=$(readelf -S "$root/usr/bin/$b")
  ! grep -q '\.debug_info' <<<"$sections" || fail "$b is not stripped"
done

desktop-file-validate "$root/usr/share/applications/dynamodesk.desktop" || fail "desktop entry"
appstreamcli validate --no-net --pedantic "$root/usr/share/metainfo/org.dynamodesk.dynamodesk.metainfo.xml" >"$out/as.log" 2>&1 \
  || { cat "$out/as.log"; fail "AppStream metadata"; }
grep -q '^P:\|^I:\|^W:\|^E:' "$out/as.log" && { cat "$out/as.log"; fail "AppStream remarks"; }
for page in "$root"/usr/share/man/man1/*.1.gz; do
  name=$(basename "$page" .1.gz)
  text=$(gzip -dc "$page")
  warnings=$(LC_ALL=C.UTF-8 groff -man -Tutf8 -ww -z <<<"$text" 2>&1)
  [ -z "$warnings" ] || fail "$name.1: $warnings"
  grep -q "^$name \\\\- " <<<"$text" || fail "$name.1: no NAME line"
  [[ $(sed -n 1p <<<"$text") == *"\"Dynamodesk $(dpkg-deb -f "$deb" Version)\""* ]] || fail "$name.1: not the package's version"
done
# Every option the programs list is in their man page.
for b in dynamodesk-server dynamodesk; do
  page=$(gzip -dc "$root/usr/share/man/man1/$b.1.gz" | sed 's/\\-/-/g')
  for opt in $(QT_QPA_PLATFORM=offscreen "$root/usr/bin/$b" --help 2>/dev/null | grep -o -- '--[a-zA-Z][a-zA-Z-]*' | sort -u); do
    case $opt in --help-all) continue ;; esac
    grep -q -- "$opt" <<<"$page" || fail "$b.1 does not document $opt"
  done
done

[ "$(QT_QPA_PLATFORM=offscreen "$root/usr/bin/dynamodesk" --version 2>/dev/null)" = "dynamodesk $(dpkg-deb -f "$deb" Version)" ] || fail "dynamodesk --version"
"$root/usr/bin/dynamodesk-server" --in-memory --port 0 >"$out/server.log" 2>&1 &
pid=$!
for _ in $(seq 100); do
  port=$(grep -o 'http://127.0.0.1:[0-9]*' "$out/server.log" | head -1 | sed 's/.*://') || true
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { cat "$out/server.log"; fail "the packaged server did not start"; }
export AWS_ACCESS_KEY_ID=x AWS_SECRET_ACCESS_KEY=x AWS_DEFAULT_REGION=us-east-1 AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null
aws=(/usr/bin/aws --endpoint-url "http://127.0.0.1:$port" dynamodb)
"${aws[@]}" create-table --table-name packaged --attribute-definitions AttributeName=pk,AttributeType=S \
  --key-schema AttributeName=pk,KeyType=HASH --billing-mode PAY_PER_REQUEST >/dev/null
"${aws[@]}" put-item --table-name packaged --item '{"pk": {"S": "a"}, "n": {"N": "1"}}'
[ "$("${aws[@]}" get-item --table-name packaged --key '{"pk": {"S": "a"}}' --query Item.n.N --output text)" = 1 ] || fail "get-item"
echo "ok: $(basename "$deb"), $(stat -c %s "$deb") bytes"
