# benchlib.sh: helpers of the HTTP benches, sourced by serverbench.sh (and
# so its users), run.sh, transact.sh and http_profile.sh. Functions only.
#   free_port                 a free TCP port on 127.0.0.1
#   cpu_ticks PID             the process's user plus system CPU time so far, in clock ticks
#   start_dynalite BENCH_DIR  starts dynalite 4 (npm, in memory) on a free port, installing it
#                             into BENCH_DIR/node_modules first if missing: sets dpid and durl;
#                             returns 1, after saying so, if it cannot be installed

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

cpu_ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }

start_dynalite() {
  local bin=$1/node_modules/.bin/dynalite port
  if [ ! -x "$bin" ]; then
    (cd "$1" && npm install --no-save --silent dynalite@4 >/dev/null 2>&1) || true
  fi
  if [ ! -x "$bin" ]; then
    echo "(dynalite could not be installed; skipped)"
    return 1
  fi
  port=$(free_port)
  "$bin" --port "$port" >/dev/null 2>&1 & dpid=$!
  durl="http://127.0.0.1:$port"
  sleep 1
}
