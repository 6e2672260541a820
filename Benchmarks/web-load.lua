-- wrk script for Benchmarks/web-load.sh: the web chat's turns, as a browser makes them.
--
-- Each post is POST /chat with the answer (form-encoded, the session's cookie and CSRF token,
-- a request id from the session and a counter). MODE says which browser:
--   script  (default) as chat.js posts: with `JobTwin-Page: in-place`, answered by the next
--           page itself (the conversation so far and the next question) — one request a turn;
--   plain   as a browser without JavaScript: answered with 303, then GET /chat, the page the
--           redirect leads to — two requests a turn, so wrk's requests/s is twice the turns/s.
-- The answers are the intake's, in order, then the menu's, as in serve-load.lua. Environment:
--   SESSIONS  a file with one line per participant: "COOKIE CSRF" (made by web-load.sh)
--   RUN       a number unique to this run, so that request ids never repeat an earlier run's
--   MODE      script or plain
local answers = { "ja", "Anna de Vries", "docent", "Erasmus College", "Rotterdam", "docent wiskunde", "wiskunde",
                  "lerarenopleiding", "vmbo", "vmbo, havo", "1", "1", "1, 2", "2", "ja", "ja" }
local run = tonumber(os.getenv("RUN") or "1")
local plain = os.getenv("MODE") == "plain"


local threads = {}
function setup(thread)
  thread:set("index", #threads)
  table.insert(threads, thread)
  for _, t in ipairs(threads) do t:set("threads_count", #threads) end
end

local sessions, count, sent, steps, failures
function init(args)
  index = tonumber(index) or 0
  count = tonumber(threads_count) or 1
  sessions = {}
  for line in io.lines(os.getenv("SESSIONS")) do
    local cookie, csrf = line:match("^(%S+) (%S+)$")
    table.insert(sessions, { cookie = cookie, csrf = csrf })
  end
  sent, failures = 0, 0
  steps = {}
end

local function encode(text)
  return (text:gsub("[^%w%-._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function request()
  -- Thread i takes the participants i, i+count, …: the answer (and, plain, then the page).
  local turn = plain and math.floor(sent / 2) or sent
  local slot = (turn * count + index) % #sessions + 1
  local session = sessions[slot]
  local posting = not plain or sent % 2 == 0
  sent = sent + 1
  if not posting then
    return wrk.format("GET", "/chat", { ["Cookie"] = session.cookie })
  end
  local step = (steps[slot] or 0) + 1
  steps[slot] = step
  local text = answers[step] or "1"
  -- The counter in `turn` makes each post's request id new: (run * 10^7 + the participant's step).
  local body = "answer=" .. encode(text) .. "&csrf=" .. session.csrf .. "&turn=" .. (run * 10000000 + step)
  local headers = { ["Cookie"] = session.cookie, ["Content-Type"] = "application/x-www-form-urlencoded" }
  if not plain then headers["JobTwin-Page"] = "in-place" end
  return wrk.format("POST", "/chat", headers, body)
end

function response(status, headers, body)
  if status ~= 303 and status ~= 200 then failures = failures + 1 end
end

function done(summary, latency, requests)
  local failed = 0
  for _, thread in ipairs(threads) do
    failed = failed + (tonumber(thread:get("failures")) or 0)
  end
  io.write(string.format("responses other than 303 and 200: %d\n", failed))
end
