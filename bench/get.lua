-- wrk script for bench/request-floor.sh: every request is a GET of the same path, with the bearer token on the first
-- line of TOKEN_FILE when one is given (after --), so the service checks the token's signature on every request.
function init(args)
  token = nil
  if args[1] then
    local file = assert(io.open(args[1]))
    token = file:read("*l")
    file:close()
  end
end

function request()
  if token then
    return wrk.format("GET", nil, { Authorization = "Bearer " .. token })
  end
  return wrk.format("GET")
end
