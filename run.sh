#!/usr/bin/env bash
# Sets everything up, then runs Dynamodesk.
#   ./run.sh            the desktop app on an embedded database (default data folder)
#   ./run.sh --server   the local DynamoDB endpoint on http://127.0.0.1:8000
#   ./run.sh --server --in-memory --port 8001 ...   any dynamodesk-server flags
set -euo pipefail
cd "$(dirname "$0")"
bash tools/setup.sh >&2
if [ "${1:-}" = "--server" ]; then
  shift
  exec build/bin/dynamodesk-server "$@"
fi
if [ -x build/bin/dynamodesk ]; then
  exec build/bin/dynamodesk "$@"
fi
echo "The desktop app is not built yet in this version; starting the server instead." >&2
exec build/bin/dynamodesk-server "$@"
