-- TransactWriteItems with TX_ACTIONS (default 2) Update actions on distinct
-- random keys of bench_kv, as a transfer would: each adds to a counter.
-- Modeled on ../shared/bench/update.lua; needs its common.lua (BENCH_DIR).
dofile(os.getenv("BENCH_DIR") .. "/common.lua")
EXPECT = "^%s*{"
ACTIONS = tonumber(os.getenv("TX_ACTIONS") or "2")
-- 7919 is prime and does not divide KEYS, so base + i * 7919 are distinct keys.
STRIDE = 7919
local h = headers_for("TransactWriteItems")
request = function()
  local base = math.random(0, KEYS - 1)
  local parts = {}
  for i = 0, ACTIONS - 1 do
    parts[#parts + 1] = string.format('{"Update":{"TableName":"%s","Key":{"pk":{"S":"%s"}},'
      .. '"UpdateExpression":"SET #c = if_not_exists(#c, :zero) + :one",'
      .. '"ExpressionAttributeNames":{"#c":"counter"},'
      .. '"ExpressionAttributeValues":{":one":{"N":"1"},":zero":{"N":"0"}}}}',
      TABLE, key((base + i * STRIDE) % KEYS))
  end
  return wrk.format("POST", "/", h, '{"TransactItems":[' .. table.concat(parts, ",") .. ']}')
end
