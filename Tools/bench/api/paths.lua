-- wrk script: GET each path of the file named by BENCH_PATHS in turn (one line each, wrapping around), so the
-- searches are spread over many names and matricules instead of one cached answer. Headers given with -H
-- (the bearer token) are sent with every request.
local paths = {}
local next_index = 1

init = function(args)
    for line in io.lines(os.getenv("BENCH_PATHS")) do
        if line ~= "" then table.insert(paths, line) end
    end
end

request = function()
    local path = paths[next_index]
    next_index = next_index % #paths + 1
    return wrk.format("GET", path)
end
