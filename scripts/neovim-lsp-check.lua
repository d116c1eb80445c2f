-- End-to-end check of `mtlint lsp` with Neovim's built-in LSP client (Neovim 0.7 or later),
-- headless. Run by scripts/neovim-lsp-check.sh:
--   MTLINT=… WORKDIR=… ENCODING=utf-16 nvim --headless -u NONE -c 'luafile scripts/neovim-lsp-check.lua'
-- Opens a file with an emoji and a combining mark before the artifacts, waits for the
-- diagnostics, checks their columns, applies the quick fix and fix-all through the client, and
-- disables a rule on a line of a Markdown file. Exits 0 when every check holds.
local mtlint = assert(os.getenv("MTLINT"), "MTLINT is not set")
local dir = assert(os.getenv("WORKDIR"), "WORKDIR is not set")
local encoding = os.getenv("ENCODING") or "utf-16"
local failures = 0

local function say(text) io.stdout:write(text .. "\n") end
local function check(ok, what)
  say((ok and "ok   " or "FAIL ") .. "[" .. encoding .. "] " .. what)
  if not ok then failures = failures + 1 end
end
local function finish()
  if failures > 0 then vim.cmd("cquit 1") else vim.cmd("qa!") end
end

vim.cmd("filetype on")
local config = { name = "mtlint", cmd = { mtlint, "lsp" }, root_dir = dir, offset_encoding = encoding }
local negotiated
config.capabilities = vim.lsp.protocol.make_client_capabilities()
if encoding ~= "utf-16" then config.capabilities.general = { positionEncodings = { encoding } } end
config.on_init = function(_, result) negotiated = result.capabilities.positionEncoding end
local client_id = vim.lsp.start_client(config)
check(client_id ~= nil, "the client starts mtlint lsp")

local function codes(bufnr)
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do found[#found + 1] = tostring(d.code) end
  table.sort(found)
  return table.concat(found, ",")
end
local function find(bufnr, code)
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do if d.code == code then return d end end
end
local function wait_until(predicate) return vim.wait(15000, predicate, 50) end

-- Requests code actions at a diagnostic (or for the whole file with `only`) and applies the
-- first whose title starts with `prefix`.
local function apply_action(bufnr, diagnostic, prefix, only)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = {
      start = { line = diagnostic and diagnostic.lnum or 0, character = 0 },
      ["end"] = { line = diagnostic and diagnostic.lnum or 0, character = 0 },
    },
    context = { diagnostics = {}, only = only },
  }
  if diagnostic then
    -- The diagnostic's span (byte columns in the buffer), converted to the negotiated encoding
    -- by the client, as a selection of it would be.
    params.range = vim.lsp.util.make_given_range_params({ diagnostic.lnum + 1, diagnostic.col },
      { diagnostic.end_lnum + 1, diagnostic.end_col }, bufnr, encoding).range
  end
  local answers = vim.lsp.buf_request_sync(bufnr, "textDocument/codeAction", params, 10000) or {}
  if os.getenv("VERBOSE") then say(vim.inspect(params)); say(vim.inspect(answers)) end
  for _, answer in pairs(answers) do
    for _, action in ipairs(answer.result or {}) do
      if action.title:sub(1, #prefix) == prefix then
        vim.lsp.util.apply_workspace_edit(action.edit, encoding)
        return action
      end
    end
  end
end

-- Plain text: an astral emoji with a skin tone, a combining mark, then the artifacts.
local path = dir .. "/article.txt"
vim.cmd("edit " .. path)
local buf = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(buf, client_id)
check(wait_until(function() return find(buf, "quotes/spacing") ~= nil end), "diagnostics arrive")
check(negotiated == encoding, "the server agreed on " .. encoding .. " (said " .. tostring(negotiated) .. ")")
check(codes(buf) == "boilerplate/page-furniture,quotes/spacing", "the expected rules: " .. codes(buf))
local quote = find(buf, "quotes/spacing")
local line = vim.api.nvim_buf_get_lines(buf, 0, 1, false)[1]
-- The finding covers the misplaced space and the closing mark; vim.diagnostic columns are
-- bytes in the buffer's line.
local expected = line:find(" ”", 1, true) - 1
check(quote and quote.lnum == 0 and quote.col == expected and quote.end_col == expected + #" ”",
  string.format("the diagnostic is at the space and the closing quote: byte columns %s-%s (expected %d-%d)",
    tostring(quote and quote.col), tostring(quote and quote.end_col), expected, expected + #" ”"))
check(quote and quote.source == "mtlint" and quote.severity == vim.diagnostic.severity.WARN, "source mtlint, severity warning")
local href = quote and quote.user_data and quote.user_data.lsp and quote.user_data.lsp.codeDescription
check(href and href.href:find("rules%-catalog%.md#quotesspacing$") ~= nil, "a link to the rule catalog")

local action = apply_action(buf, quote, "Fix:")
check(action ~= nil and action.isPreferred == true, "a preferred quick fix is offered: " .. tostring(action and action.title))
local fixed = vim.api.nvim_buf_get_lines(buf, 0, 1, false)[1]
check(fixed == "👍🏽 Zoe\204\129 went on: “we stop it now,” he said.", "the quick fix moved the space: " .. fixed)
check(wait_until(function() return find(buf, "quotes/spacing") == nil end), "its diagnostic goes away after the edit")

local fix_all = apply_action(buf, nil, "Fix all", { "source.fixAll.mtlint" })
check(fix_all ~= nil and fix_all.kind == "source.fixAll.mtlint", "fix-all is offered as source.fixAll.mtlint")
local text = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), "\n")
check(not text:find("Advertisment", 1, true) and text:find("The talks went on.", 1, true) ~= nil, "fix-all deleted the page furniture")
check(wait_until(function() return #vim.diagnostic.get(buf) == 0 end), "no diagnostics are left: " .. codes(buf))

-- Markdown: disable a rule on a line.
vim.cmd("edit " .. dir .. "/notes.md")
local md = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(md, client_id)
check(wait_until(function() return find(md, "calques/news-patterns") ~= nil end), "Markdown diagnostics arrive")
local disabled = apply_action(md, find(md, "calques/news-patterns"), "Disable calques/news-patterns")
check(disabled ~= nil, "disable-on-this-line is offered in Markdown")
local lines = vim.api.nvim_buf_get_lines(md, 0, -1, false)
check(lines[3] == "<!-- mtlint-disable-next-line calques/news-patterns -->", "the suppression comment is inserted: " .. tostring(lines[3]))
check(wait_until(function() return #vim.diagnostic.get(md) == 0 end), "the calque is no longer reported: " .. codes(md))

vim.lsp.stop_client(client_id)
finish()
