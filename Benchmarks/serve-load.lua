-- wrk script for Benchmarks/serve-load.sh: POST /v1/messages over many participants.
--
-- Each request is a whole persisted turn with a request id. Participants are taken in turn
-- (bench-0, bench-1, …), each answering the intake questions in order and then the menu, as
-- the in-process benchmark does. Environment:
--   PARTICIPANTS  how many participants to spread the load over (default 1000)
--   LIMIT         stop sending after this many responses per thread (default: run for wrk's duration)
--   OFFSET        where the participants' numbers start, counted round the pool (default 0)
--   TOKEN         the API token
--   RUN           a name unique to this run, so that request ids never repeat an earlier run's
--   TURNS         turns each participant gets before its place goes to the next participant of
--                 the pool (default 0: never), so that a run holds the same mix of intake and
--                 menu turns whatever its speed (Benchmarks/web-load.sh)
--   POOL          how many participants there are in all (default PARTICIPANTS); place i takes
--                 participants i, i+PARTICIPANTS, … of them
--   BASE          the number of the pool's first participant (default 0), so that rounds of a
--                 run can take pools of their own
local participants = tonumber(os.getenv("PARTICIPANTS") or "1000")
local turns_each = tonumber(os.getenv("TURNS") or "0")
local pool = tonumber(os.getenv("POOL") or "0")
local base = tonumber(os.getenv("BASE") or "0")
if pool < participants then pool = participants end
local limit = tonumber(os.getenv("LIMIT") or "0")
local offset = tonumber(os.getenv("OFFSET") or "0")
local token = os.getenv("TOKEN") or ""
local answers = { "ja", "Anna de Vries", "docent", "Erasmus College", "Rotterdam", "docent wiskunde", "wiskunde",
                  "lerarenopleiding", "vmbo", "vmbo, havo", "1", "1", "1, 2", "2", "ja", "ja" }

local threads = {}
function setup(thread)
  thread:set("index", #threads)
  table.insert(threads, thread)
  for _, t in ipairs(threads) do t:set("threads_count", #threads) end
end

-- Per thread (each has its own Lua state); `index` was set by setup, `failures` is read by done.
local count, sent, received, steps, headers, current
local run = os.getenv("RUN") or "run"
function init(args)
  index = tonumber(index) or 0
  count = tonumber(threads_count) or 1
  sent, received, failures = 0, 0, 0
  steps, current = {}, {}
  headers = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }
end

function request()
  -- Thread i takes the places i, i+count, …, in turn.
  local place = (sent * count + index) % participants
  sent = sent + 1
  local who = current[place] or place
  if turns_each > 0 and (steps[who] or 0) >= turns_each then
    who = (who + participants) % pool
    current[place] = who
  end
  local step = (steps[who] or 0) + 1
  steps[who] = step
  local text = answers[step - 1] or "1"
  if step == 1 then text = "hallo" end
  local body = string.format('{"participant":"bench-%d","text":"%s","id":"%s-%d-%d"}', base + (offset + who) % pool, text, run, index, sent)
  return wrk.format("POST", "/v1/messages", headers, body)
end

function response(status, headers, body)
  received = received + 1
  if status ~= 200 then failures = failures + 1 end
  if limit > 0 and received >= limit then wrk.thread:stop() end
end

function done(summary, latency, requests)
  local failed = 0
  for _, thread in ipairs(threads) do
    failed = failed + (tonumber(thread:get("failures")) or 0)
  end
  io.write(string.format("non-200 responses: %d\n", failed))
end
