-- wrk script for Benchmarks/web-load.sh: the web chat's turns, as a browser makes them.
--
-- Each post is POST /chat with what the page's question form would send: its hidden fields
-- (slot, turn, fingerprint, the session's CSRF token) and an answer its controls offer (the
-- first option of a choice, the lower limit of a number or a date, for a text what
-- serve-load.lua types), with
-- the session's cookie. The form comes from the last page the participant got (read in
-- `response`, keyed by the CSRF token in it); a first post, before any page, is the typed "ja"
-- of the opening. MODE says which browser:
--   script  (default) as chat.js posts: with `JobTwin-Page: in-place` and `JobTwin-History`
--           (the lines its page shows), answered by the next page itself (the lines after those
--           and the next question) — one request a turn;
--   plain   as a browser without JavaScript: answered with 303, then GET /chat, the page the
--           redirect leads to — two requests a turn, so wrk's requests/s is twice the turns/s.
-- Environment:
--   SESSIONS  a file with one line per participant: "COOKIE CSRF" (made by web-load.sh)
--   MODE      script or plain
--   PLACES    how many participants are under way at once (default: the whole pool)
--   TURNS     turns each participant gets before its place goes to the next participant of
--             the pool (default 0: never), as in serve-load.lua, so that a run holds the same
--             mix of intake and menu turns whatever its speed
--   FIRST     the line of SESSIONS the pool starts at (default 0)
--   POOL      how many lines from there are the pool (default: the rest of SESSIONS)
local plain = os.getenv("MODE") == "plain"
local turns_each = tonumber(os.getenv("TURNS") or "0")
local first = tonumber(os.getenv("FIRST") or "0")
local pool_size = tonumber(os.getenv("POOL") or "0")

local threads = {}
function setup(thread)
  thread:set("index", #threads)
  table.insert(threads, thread)
  for _, t in ipairs(threads) do t:set("threads_count", #threads) end
end

local sessions, count, sent, failures, stale, forms, shown, places, current, taken, pool
function init(args)
  index = tonumber(index) or 0
  count = tonumber(threads_count) or 1
  sessions = {}
  for line in io.lines(os.getenv("SESSIONS")) do
    local cookie, csrf = line:match("^(%S+) (%S+)$")
    table.insert(sessions, { cookie = cookie, csrf = csrf })
  end
  sent, failures, stale = 0, 0, 0
  forms, shown, current, taken = {}, {}, {}, {}
  pool = pool_size
  if pool <= 0 or first + pool > #sessions then pool = #sessions - first end
  places = tonumber(os.getenv("PLACES") or "0")
  if places <= 0 or places > pool then places = pool end
end

local function encode(text)
  return (text:gsub("[^%w%-._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

-- The text between the literal `prefix` and the next double quote in `text`, or nil. Plain
-- finds rather than patterns: a pattern is tried at every position of the page, and on these
-- 2–3 KB pages that made the client's own CPU a turn four times the API client's, on the
-- cores the server shares.
local function quoted(text, prefix)
  local _, stop = text:find(prefix, 1, true)
  if not stop then return nil end
  local close = text:find('"', stop + 1, true)
  return close and text:sub(stop + 1, close - 1)
end

local function hidden(form, name)
  return quoted(form, 'name="' .. name .. '" value="')
end

-- The texts typed into the intake's text fields: those serve-load.lua answers with.
local typed = { ["profile.name"] = "Anna de Vries", ["profile.organization"] = "Erasmus College",
                ["profile.region"] = "Rotterdam", ["profile.role"] = "docent wiskunde",
                ["profile.background"] = "lerarenopleiding", ["profile.target_group"] = "vmbo" }

-- The body the question form `form` (its HTML) posts, answered as a participant would.
local function answer(form, csrf)
  local kind = quoted(form, 'data-type="')
  local slot, turn, fingerprint = hidden(form, "slot"), hidden(form, "turn"), hidden(form, "fingerprint")
  local text
  if kind == "choice" or kind == "yesno" or kind == "multichoice" then
    text = quoted(form, 'name="answer" value="')
  elseif kind == "date" then
    text = quoted(form, ' min="') or "2027-01-15"
  elseif kind == "integer" or kind == "number" then
    text = quoted(form, ' min="') or "1"
  elseif kind == "email" then
    text = "anna@example.org"
  else
    text = slot and (typed[slot] or "Anna de Vries") or "1"
  end
  local body = "answer=" .. encode(text or "1") .. "&csrf=" .. csrf
  if slot then body = body .. "&slot=" .. encode(slot) end
  if turn then body = body .. "&turn=" .. turn end
  if fingerprint then body = body .. "&fingerprint=" .. encode(fingerprint) end
  return body
end

function request()
  -- Thread i takes the places i, i+count, …: the answer (and, plain, then the page).
  local turn = plain and math.floor(sent / 2) or sent
  local place = (turn * count + index) % places
  local posting = not plain or sent % 2 == 0
  sent = sent + 1
  local who = current[place] or place
  if posting and turns_each > 0 and (taken[who] or 0) >= turns_each then
    who = (who + places) % pool
    current[place] = who
  end
  local session = sessions[first + who + 1]
  if not posting then
    return wrk.format("GET", "/chat", { ["Cookie"] = session.cookie })
  end
  taken[who] = (taken[who] or 0) + 1
  local form = forms[session.csrf]
  local body = form and answer(form, session.csrf) or ("answer=ja&csrf=" .. session.csrf)
  local headers = { ["Cookie"] = session.cookie, ["Content-Type"] = "application/x-www-form-urlencoded" }
  if not plain then
    headers["JobTwin-Page"] = "in-place"
    -- As chat.js: the history the page shows, so that only the new lines come back.
    headers["JobTwin-History"] = shown[session.csrf]
  end
  return wrk.format("POST", "/chat", headers, body)
end

function response(status, headers, body)
  if status ~= 303 and status ~= 200 then failures = failures + 1 end
  if status ~= 200 then return end
  -- A form posted after the conversation moved on: shown where it is, nothing taken.
  if body:find("Die vraag was al beantwoord", 1, true) then stale = stale + 1 end
  local start = body:find('<form id="question"', 1, true)
  local close = start and body:find('</form>', start, true)
  local form = close and body:sub(start, close + 6)
  local csrf = form and hidden(form, "csrf")
  if csrf then
    forms[csrf] = form
    local lines, digest = quoted(body, 'data-lines="'), quoted(body, 'data-digest="')
    shown[csrf] = lines and digest and (lines .. "." .. digest) or nil
  end
end

function done(summary, latency, requests)
  local failed, moved = 0, 0
  for _, thread in ipairs(threads) do
    failed = failed + (tonumber(thread:get("failures")) or 0)
    moved = moved + (tonumber(thread:get("stale")) or 0)
  end
  io.write(string.format("responses other than 303 and 200: %d\n", failed))
  io.write(string.format("posts of a question already answered (nothing taken): %d\n", moved))
end
