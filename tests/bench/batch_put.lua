-- BatchWriteItem for stream_throughput.sh (WORKLOAD=batch): 25 puts of
-- ../shared/bench/put.lua's ~230-byte item per request, under 25 distinct
-- keys (BatchWriteItem rejects duplicates). A request whose items were not
-- all processed counts as wrong.
dofile(os.getenv("BENCH_DIR") .. "/common.lua")
EXPECT = '"UnprocessedItems":{}'
local h = headers_for("BatchWriteItem")
request = function()
  local base = math.random(0, KEYS - 1)
  local puts = {}
  for i = 0, 24 do
    puts[#puts + 1] = string.format('{"PutRequest":{"Item":{"pk":{"S":"%s"},"n":{"N":"%d"},"data":{"S":"%s"}}}}',
      key((base + i * 4001) % KEYS), math.random(0, 1000000), PAYLOAD)
  end
  return wrk.format("POST", "/", h, string.format('{"RequestItems":{"%s":[%s]}}', TABLE, table.concat(puts, ",")))
end
