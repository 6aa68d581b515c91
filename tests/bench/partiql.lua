-- ExecuteStatement workloads for tests/bench/partiql.sh, the PartiQL
-- counterparts of ../shared/bench's get, query and update (same tables and
-- keys): PARTIQL_MODE=get (SELECT of one bench_kv item), query (SELECT of
-- one bench_sorted partition, 10 items, with a parameter) or update (UPDATE
-- of one bench_kv item).
dofile(os.getenv("BENCH_DIR") .. "/common.lua")
local PARTITIONS = tonumber(os.getenv("BENCH_PARTITIONS") or "10000")
local mode = os.getenv("PARTIQL_MODE") or "get"
local h = headers_for("ExecuteStatement")
if mode == "query" then
  EXPECT = '"Items"%s*:%s*%[' .. string.rep('.-"sk"', 10)
elseif mode == "get" then
  EXPECT = '"Items"%s*:%s*%[{'
else
  EXPECT = '"Items"%s*:%s*%[%]'
end
request = function()
  local b
  if mode == "get" then
    b = string.format([[{"Statement":"SELECT * FROM %s WHERE pk = '%s'"}]], TABLE, key(math.random(0, KEYS - 1)))
  elseif mode == "query" then
    b = string.format('{"Statement":"SELECT * FROM bench_sorted WHERE pk = ?","Parameters":[{"S":"%s"}]}',
      key(math.random(0, PARTITIONS - 1)))
  else
    b = string.format('{"Statement":"UPDATE %s SET c = 1 WHERE pk = ?","Parameters":[{"S":"%s"}]}', TABLE,
      key(math.random(0, KEYS - 1)))
  end
  return wrk.format("POST", "/", h, b)
end
