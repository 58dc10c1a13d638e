-- wrk script for the token endpoint: each request takes a refresh token nobody else is using and puts back the
-- rotated one from the answer (single wrk thread: one Lua state, so the queue is shared by all connections).
local tokens = {}
local client = os.getenv("BENCH_CLIENT")

init = function(args)
    for line in io.lines(os.getenv("BENCH_REFRESH_FILE")) do
        table.insert(tokens, line)
    end
end

request = function()
    local token = table.remove(tokens, 1) or "exhausted"
    return wrk.format("POST", "/oidc/token", {["Content-Type"] = "application/x-www-form-urlencoded"},
        "grant_type=refresh_token&client_id=" .. client .. "&refresh_token=" .. token)
end

response = function(status, headers, body)
    local token = body:match('"refresh_token":"([^"]+)"')
    if token then table.insert(tokens, token) end
end
