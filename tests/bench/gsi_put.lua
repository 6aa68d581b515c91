-- PutItem for gsi_write.sh: ../shared/bench/put.lua's ~230-byte item plus two
-- string attributes g0 and g1, the keys of bench_gsi's two global secondary
-- indexes (on bench_plain, plain attributes: both tables get the same bytes).
-- PUT_MODE=moved overwrites a loaded item (key below KEYS) with new random
-- index keys: a delete and an insert in each index, the costliest write.
-- PUT_MODE=new puts an item under a new random key: an insert in each.
dofile(os.getenv("BENCH_DIR") .. "/common.lua")
EXPECT = "^%s*{"
MODE = os.getenv("PUT_MODE") or "moved"
local h = headers_for("PutItem")
request = function()
  local k
  if MODE == "new" then k = string.format("n%09d", math.random(0, 999999999)) else k = key(math.random(0, KEYS - 1)) end
  local b = string.format('{"TableName":"%s","Item":{"pk":{"S":"%s"},"n":{"N":"%d"},"data":{"S":"%s"},'
    .. '"g0":{"S":"v%d"},"g1":{"S":"v%d"}}}', TABLE, k, math.random(0, 1000000), PAYLOAD,
    math.random(0, 999), math.random(0, 999))
  return wrk.format("POST", "/", h, b)
end
