-- GetItem (DAX_WORKLOAD=get) or Query (DAX_WORKLOAD=query) of ../shared/bench's
-- workloads, sent to the path DAX_PATH ("/" straight to the tables,
-- "/dax/<cluster>" through a DAX cluster), for dax_http.sh.
dofile(os.getenv("BENCH_DIR") .. "/common.lua")
local PATH = os.getenv("DAX_PATH") or "/"
local QUERY = os.getenv("DAX_WORKLOAD") == "query"
local PARTITIONS = tonumber(os.getenv("BENCH_PARTITIONS") or "10000")
EXPECT = QUERY and '"Count"%s*:%s*10[^%d]' or '"Item"%s*:'
local h = headers_for(QUERY and "Query" or "GetItem")
request = function()
  local b
  if QUERY then
    b = string.format('{"TableName":"bench_sorted","KeyConditionExpression":"pk = :p",'
      .. '"ExpressionAttributeValues":{":p":{"S":"%s"}}}', key(math.random(0, PARTITIONS - 1)))
  else
    b = string.format('{"TableName":"%s","Key":{"pk":{"S":"%s"}}}', TABLE, key(math.random(0, KEYS - 1)))
  end
  return wrk.format("POST", PATH, h, b)
end
