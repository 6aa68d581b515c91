#!/usr/bin/env bash
# Installs Dynamodesk's build and test dependencies from Debian's packages
# and builds everything into build/. Safe to run again: it only adds what is
# missing and rebuilds what changed.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
  cmake ninja-build g++ lld ccache pkg-config clang libclang-rt-14-dev
  qt6-base-dev qt6-qpa-plugins qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev qt6-charts-dev libgl-dev
  libsqlite3-dev zlib1g-dev libzstd-dev libssl-dev
  awscli python3-boto3 wrk xvfb xauth
  dpkg-dev desktop-file-utils appstream groff-base binutils
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update
  $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
fi

BUILD_TYPE=${BUILD_TYPE:-RelWithDebInfo}
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE="$BUILD_TYPE" ${DD_CMAKE_FLAGS:-}
cmake --build build -j "$(nproc)"
