// SPDX-License-Identifier: MIT
#include "sync/merge_targets.h"

#include <gtest/gtest.h>

namespace agentgen {
namespace {

using nlohmann::json;

std::string Messages(const DiagnosticSink& sink) {
  std::string text;
  for (const Diagnostic& diagnostic : sink.diagnostics())
    text += FormatDiagnostic(diagnostic);
  return text;
}

std::string Findings(const MergeResult& result) {
  std::string text;
  for (const MergeFinding& finding : result.findings)
    text += finding.kind + ": " + finding.member + "\n";
  return text;
}

// ---- ReadHookDefinition ----------------------------------------------------

class HookFileTest : public ::testing::Test {
 protected:
  std::optional<HookDefinition> Read(const std::string& text) {
    sink_ = DiagnosticSink();
    return ReadHookDefinition(json::parse(text), text, "hooks/h.json", sink_);
  }
  DiagnosticSink sink_;
};

TEST_F(HookFileTest, AgpmResourcesUpdateHook) {
  // claude-code/hooks/agpm-update.json of agpm-resources.
  std::optional<HookDefinition> hook = Read(R"({
  "agpm": {"version": "1.0.2"},
  "events": ["SessionStart"],
  "type": "command",
  "command": "agpm update",
  "description": "Update AGPM packages"
})");
  ASSERT_TRUE(hook) << Messages(sink_);
  EXPECT_EQ(Messages(sink_), "");
  EXPECT_EQ(hook->events, std::vector<std::string>{"SessionStart"});
  EXPECT_EQ(hook->matcher, std::nullopt);
  EXPECT_EQ(hook->hook.dump(), R"({"command":"agpm update","type":"command"})");
}

TEST_F(HookFileTest, MatcherTimeoutAndEventsInOrder) {
  std::optional<HookDefinition> hook = Read(
      R"({"events": ["PreToolUse", "PostToolUse"], "matcher": "Bash|Write",
          "type": "command", "command": "./check.sh", "timeout": 30,
          "dependencies": {"scripts": []}})");
  ASSERT_TRUE(hook) << Messages(sink_);
  EXPECT_EQ(hook->events,
            (std::vector<std::string>{"PreToolUse", "PostToolUse"}));
  EXPECT_EQ(hook->matcher, "Bash|Write");
  EXPECT_EQ(hook->hook.dump(),
            R"({"command":"./check.sh","timeout":30,"type":"command"})");
}

TEST_F(HookFileTest, AnUnknownKeyIsAWarningWithADidYouMean) {
  std::optional<HookDefinition> hook = Read(
      R"({"events": ["Stop"], "type": "command", "command": "x", "matchr": "a"})");
  ASSERT_TRUE(hook);
  EXPECT_EQ(hook->matcher, std::nullopt);
  EXPECT_EQ(
      Messages(sink_),
      "hooks/h.json:1:57: warning: unknown key 'matchr' in an AGPM hook "
      "resource; did you mean 'matcher'?\n"
      R"({"events": ["Stop"], "type": "command", "command": "x", "matchr": "a"})"
      "\n" +
          std::string(56, ' ') + "^\n");
  EXPECT_EQ(sink_.diagnostics()[0].replacement, "\"matcher\"");
}

// The checks are `agentgen check --type hook`'s, each at its value.
TEST_F(HookFileTest, ProblemsAreReportedAsCheckReportsThem) {
  EXPECT_FALSE(Read(R"({"events": ["SessionStrat"], "type": "prompt",
  "timeout": 0})"));
  EXPECT_EQ(Messages(sink_),
            "hooks/h.json:1:13: error: unknown hook event 'SessionStrat' "
            "(Claude Code ignores the hooks of an event it does not know); "
            "did you mean 'SessionStart'?\n"
            "{\"events\": [\"SessionStrat\"], \"type\": \"prompt\",\n"
            "            ^\n"
            "hooks/h.json:1:30: error: 'type' must be \"command\" (the only "
            "hook type AGPM merges); got the string \"prompt\"\n"
            "{\"events\": [\"SessionStrat\"], \"type\": \"prompt\",\n"
            "                             ^\n"
            "hooks/h.json:2:3: error: 'timeout' must be a whole number of "
            "seconds above 0; got 0\n"
            "  \"timeout\": 0}\n"
            "  ^\n"
            "hooks/h.json:1:1: error: an AGPM hook resource needs 'command': "
            "the shell command to run\n"
            "{\"events\": [\"SessionStrat\"], \"type\": \"prompt\",\n"
            "^\n");
  EXPECT_EQ(sink_.diagnostics()[0].rule, "hook.events");
}

TEST_F(HookFileTest, MatcherAndCommandMustBeStrings) {
  EXPECT_FALSE(Read(
      R"({"events": ["Stop"], "type": "command", "command": 5, "matcher": 3})"));
  EXPECT_EQ(sink_.error_count(), 2);
  EXPECT_EQ(sink_.diagnostics().at(0).rule, "hook.command");
  EXPECT_EQ(sink_.diagnostics().at(1).rule, "hook.matcher");
}

TEST_F(HookFileTest, NotAnObject) {
  EXPECT_FALSE(Read(R"(["events"])"));
  EXPECT_EQ(Messages(sink_),
            "hooks/h.json:1:1: error: an AGPM hook resource must be an object "
            "with 'events', 'type' and 'command'; got a list\n"
            "[\"events\"]\n^\n");
}

TEST_F(HookFileTest, NestedTooDeeply) {
  std::string text =
      "{\"events\": " + std::string(101, '[') + std::string(101, ']') + "}";
  EXPECT_FALSE(Read(text));
  EXPECT_EQ(sink_.diagnostics().at(0).message,
            "an AGPM hook resource must be a JSON file holding one object "
            "(nested at most 100 levels deep)");
  EXPECT_EQ(sink_.diagnostics()[0].rule, "hook.shape");
}

// ---- MergeTarget: helpers --------------------------------------------------

WantedServer Server(const std::string& key, const std::string& command,
                    const std::string& source = "") {
  return {key,
          {{"command", command}},
          source.empty() ? "mcp/" + key + ".json" : source};
}

WantedHook Hook(std::vector<std::string> events, const std::string& command,
                std::optional<std::string> matcher = std::nullopt) {
  HookDefinition definition{std::move(events),
                            std::move(matcher),
                            {{"type", "command"}, {"command", command}}};
  return {std::move(definition), "hooks/" + command + ".json"};
}

OwnedHook Owned(const std::string& event, const std::string& command,
                std::optional<std::string> matcher = std::nullopt) {
  return {
      event, std::move(matcher), {{"type", "command"}, {"command", command}}};
}

class MergeTest : public ::testing::Test {
 protected:
  std::optional<MergeResult> Merge(MergeRequest request) {
    sink_ = DiagnosticSink();
    if (request.display.empty())
      request.display =
          request.kind == MergeKind::kHooks ? ".claude/settings.local.json"
          : request.kind == MergeKind::kMcpServers ? ".mcp.json"
                                                   : ".opencode/opencode.json";
    return MergeTarget(request, sink_);
  }
  static MergeRequest Servers(std::optional<std::string> existing,
                              std::vector<WantedServer> servers,
                              std::map<std::string, std::string> owned = {}) {
    MergeRequest request;
    request.existing = std::move(existing);
    request.servers = std::move(servers);
    request.owned.servers = std::move(owned);
    return request;
  }
  static MergeRequest Hooks(std::optional<std::string> existing,
                            std::vector<WantedHook> hooks,
                            std::vector<OwnedHook> owned = {}) {
    MergeRequest request;
    request.kind = MergeKind::kHooks;
    request.existing = std::move(existing);
    request.hooks = std::move(hooks);
    request.owned.hooks = std::move(owned);
    return request;
  }
  DiagnosticSink sink_;
};

std::string Digest(const std::string& command) {
  return ServerDigest({{"command", command}});
}

// ---- MergeTarget: the file -------------------------------------------------

TEST_F(MergeTest, AnAbsentFileIsCreated) {
  std::optional<MergeResult> result =
      Merge(Servers(std::nullopt, {Server("fs", "npx"), Server("a", "run")}));
  ASSERT_TRUE(result) << Messages(sink_);
  EXPECT_EQ(
      result->bytes,
      "{\n  \"mcpServers\": {\n    \"a\": {\n      \"command\": \"run\"\n"
      "    },\n    \"fs\": {\n      \"command\": \"npx\"\n    }\n  }\n}\n");
  EXPECT_FALSE(result->remove);
  EXPECT_TRUE(result->owned.created);
  EXPECT_EQ(result->owned.servers,
            (std::map<std::string, std::string>{{"a", Digest("run")},
                                                {"fs", Digest("npx")}}));
  EXPECT_EQ(Findings(*result),
            "missing: mcpServers.a\nmissing: mcpServers.fs\n");
}

TEST_F(MergeTest, AnAbsentFileWithNothingToWriteStaysAbsent) {
  std::optional<MergeResult> result = Merge(Servers(std::nullopt, {}));
  ASSERT_TRUE(result);
  EXPECT_EQ(result->bytes, std::nullopt);
  EXPECT_FALSE(result->remove);
  EXPECT_TRUE(result->owned.empty());
  EXPECT_EQ(Findings(*result), "");
}

TEST_F(MergeTest, AFileThatIsNotAnObjectIsAnError) {
  EXPECT_FALSE(Merge(Servers("[]\n", {Server("fs", "npx")})));
  EXPECT_EQ(Messages(sink_),
            ".mcp.json:1:1: error: '.mcp.json' must hold a JSON object\n"
            "[]\n^\n");
  EXPECT_EQ(sink_.diagnostics()[0].rule, "sync-merge");
  EXPECT_FALSE(Merge(Servers("{\"mcpServers\": []}", {})));
  EXPECT_EQ(Messages(sink_),
            ".mcp.json:1:2: error: 'mcpServers' must be a JSON object\n"
            "{\"mcpServers\": []}\n ^\n");
  EXPECT_FALSE(Merge(Servers("{\"mcpServers\": {", {})));
  EXPECT_EQ(sink_.error_count(), 1);
}

TEST_F(MergeTest, NothingChangedKeepsTheBytes) {
  std::string text =
      "{ \"mcpServers\": {\"fs\": {\"command\": \"npx\"}},\n"
      "  \"z\": 1, \"a\": [3, 1] }";
  std::optional<MergeResult> result =
      Merge(Servers(text, {Server("fs", "npx")}, {{"fs", Digest("npx")}}));
  ASSERT_TRUE(result) << Messages(sink_);
  EXPECT_EQ(result->bytes, std::nullopt);
  EXPECT_FALSE(result->owned.created);
  EXPECT_EQ(Findings(*result), "");
}

TEST_F(MergeTest, AChangeRewritesInAgentgensStyleKeepingTheRest) {
  std::string text =
      "{ \"z\": 1, \"a\": [3, 1], \"mcpServers\": {\n"
      "  \"mine\": {\"command\": \"me\", \"args\": [\"b\", \"a\"]},\n"
      "  \"fs\": {\"command\": \"old\"}}}";
  std::optional<MergeResult> result =
      Merge(Servers(text, {Server("fs", "npx")}, {{"fs", Digest("old")}}));
  ASSERT_TRUE(result) << Messages(sink_);
  EXPECT_EQ(result->bytes, R"({
  "a": [
    3,
    1
  ],
  "mcpServers": {
    "fs": {
      "command": "npx"
    },
    "mine": {
      "args": [
        "b",
        "a"
      ],
      "command": "me"
    }
  },
  "z": 1
}
)");
  EXPECT_EQ(Findings(*result), "stale: mcpServers.fs\n");
}

TEST_F(MergeTest, OpenCodeServersGoUnderMcp) {
  std::optional<MergeResult> result = Merge([] {
    MergeRequest request =
        Servers("{\"$schema\": \"https://opencode.ai/config.json\"}",
                {Server("fs", "npx")});
    request.kind = MergeKind::kOpenCodeMcp;
    return request;
  }());
  ASSERT_TRUE(result) << Messages(sink_);
  EXPECT_EQ(result->bytes,
            "{\n  \"$schema\": \"https://opencode.ai/config.json\",\n"
            "  \"mcp\": {\n    \"fs\": {\n      \"command\": \"npx\"\n    }\n"
            "  }\n}\n");
  EXPECT_FALSE(result->owned.created);
  EXPECT_EQ(Findings(*result), "missing: mcp.fs\n");
}

// ---- MergeTarget: servers --------------------------------------------------

TEST_F(MergeTest, AnEqualUnownedServerIsAdoptedSilently) {
  std::string text = "{\"mcpServers\": {\"fs\": {\"command\": \"npx\"}}}";
  std::optional<MergeResult> result =
      Merge(Servers(text, {Server("fs", "npx")}));
  ASSERT_TRUE(result) << Messages(sink_);
  EXPECT_EQ(result->bytes, std::nullopt);
  EXPECT_EQ(result->owned.servers.at("fs"), Digest("npx"));
  EXPECT_EQ(Findings(*result), "");
}

TEST_F(MergeTest, ADifferentUnownedServerIsAnErrorNamingIt) {
  std::string text = "{\"mcpServers\": {\n  \"fs\": {\"command\": \"mine\"}}}";
  EXPECT_FALSE(Merge(Servers(text, {Server("fs", "npx")})));
  EXPECT_EQ(Messages(sink_),
            ".mcp.json:2:3: error: 'mcpServers.fs' holds a server sync did "
            "not write, different from the one in 'mcp/fs.json'; give that "
            "server another key, or delete 'mcpServers.fs' from '.mcp.json' "
            "so that sync writes its own\n"
            "  \"fs\": {\"command\": \"mine\"}}}\n"
            "  ^\n");
}

TEST_F(MergeTest, AgpmsServerIsNeverTouched) {
  std::string text =
      "{\"mcpServers\": {\"fs\": {\"command\": \"npx\", \"_agpm\": {}}}}";
  // Wanted under its key: an error, even when sync owned the key before.
  EXPECT_FALSE(
      Merge(Servers(text, {Server("fs", "npx")}, {{"fs", Digest("npx")}})));
  EXPECT_EQ(Messages(sink_),
            ".mcp.json:1:17: error: 'mcpServers.fs' was written by 'agpm "
            "install' (it carries '_agpm'), and sync never changes AGPM's "
            "members; delete it from '.mcp.json' so that sync writes the "
            "server from 'mcp/fs.json', or give that server another key\n" +
                text + "\n" + std::string(16, ' ') + "^\n");
  // Owned before and wanted no more: forgotten, not removed.
  std::optional<MergeResult> result =
      Merge(Servers(text, {}, {{"fs", Digest("npx")}}));
  ASSERT_TRUE(result) << Messages(sink_);
  EXPECT_EQ(result->bytes, std::nullopt);
  EXPECT_TRUE(result->owned.empty());
  EXPECT_EQ(Findings(*result), "");
}

TEST_F(MergeTest, OneKeyFromTwoFilesNamesBoth) {
  EXPECT_FALSE(
      Merge(Servers(std::nullopt, {Server("fs", "npx", "mcp/a.json"),
                                   Server("fs", "uvx", "mcp/b.json")})));
  EXPECT_EQ(Messages(sink_),
            "mcp/b.json: error: MCP server key 'fs' in '.mcp.json' is "
            "claimed by two files, 'mcp/a.json' and 'mcp/b.json'; give one "
            "of them another key\n");
  // Two files that say the same are still two claims.
  sink_ = DiagnosticSink();
  EXPECT_FALSE(
      Merge(Servers(std::nullopt, {Server("fs", "npx", "mcp/a.json"),
                                   Server("fs", "npx", "mcp/b.json")})));
  EXPECT_NE(Messages(sink_).find("claimed by two files"), std::string::npos);
  // The same file reached twice is one server.
  sink_ = DiagnosticSink();
  std::optional<MergeResult> result =
      Merge(Servers(std::nullopt, {Server("fs", "npx", "mcp/a.json"),
                                   Server("fs", "npx", "mcp/a.json")}));
  ASSERT_TRUE(result) << Messages(sink_);
  EXPECT_EQ(result->owned.servers.size(), 1u);
}

TEST_F(MergeTest, OwnedServersNoLongerWantedAreRemoved) {
  std::string text =
      "{\"mcpServers\": {\"old\": {\"command\": \"gone\"}, "
      "\"user\": {\"command\": \"u\"}}}";
  std::optional<MergeResult> result =
      Merge(Servers(text, {}, {{"old", Digest("gone")}}));
  ASSERT_TRUE(result) << Messages(sink_);
  EXPECT_EQ(result->bytes,
            "{\n  \"mcpServers\": {\n    \"user\": {\n      \"command\": "
            "\"u\"\n    }\n  }\n}\n");
  EXPECT_TRUE(result->owned.empty());
  EXPECT_EQ(Findings(*result), "stale: mcpServers.old\n");
}

TEST_F(MergeTest, AnOwnedServerRemovedByHandAndNoLongerWantedIsForgotten) {
  std::optional<MergeResult> result =
      Merge(Servers("{\"mcpServers\": {}}", {}, {{"old", Digest("gone")}}));
  ASSERT_TRUE(result) << Messages(sink_);
  EXPECT_EQ(result->bytes, std::nullopt);
  EXPECT_TRUE(result->owned.empty());
  EXPECT_EQ(Findings(*result), "");
}

TEST_F(MergeTest, AHandEditedServerIsReportedAndPutBack) {
  std::string text = "{\"mcpServers\": {\"fs\": {\"command\": \"edited\"}}}";
  std::optional<MergeResult> result =
      Merge(Servers(text, {Server("fs", "npx")}, {{"fs", Digest("old")}}));
  ASSERT_TRUE(result) << Messages(sink_);
  EXPECT_EQ(Findings(*result), "hand-edited: mcpServers.fs\n");
  EXPECT_EQ(result->bytes,
            "{\n  \"mcpServers\": {\n    \"fs\": {\n      \"command\": "
            "\"npx\"\n    }\n  }\n}\n");
  EXPECT_EQ(sink_.error_count(), 0);
}

TEST_F(MergeTest, AHandEditThatEqualsTheWantedServerIsNone) {
  std::string text = "{\"mcpServers\": {\"fs\": {\"command\": \"npx\"}}}";
  std::optional<MergeResult> result =
      Merge(Servers(text, {Server("fs", "npx")}, {{"fs", Digest("old")}}));
  ASSERT_TRUE(result) << Messages(sink_);
  EXPECT_EQ(Findings(*result), "");
  EXPECT_EQ(result->bytes, std::nullopt);
  EXPECT_EQ(result->owned.servers.at("fs"), Digest("npx"));
}

TEST_F(MergeTest, AnOwnedServerRemovedByHandIsAHandEdit) {
  std::optional<MergeResult> result = Merge(Servers(
      "{\"mcpServers\": {}}", {Server("fs", "npx")}, {{"fs", Digest("npx")}}));
  ASSERT_TRUE(result) << Messages(sink_);
  EXPECT_EQ(Findings(*result), "hand-edited: mcpServers.fs\n");
  EXPECT_NE(result->bytes, std::nullopt);
}

TEST_F(MergeTest, AHandEditedServerNoLongerWantedIsLeftAndForgotten) {
  std::string text = "{\"mcpServers\": {\"old\": {\"command\": \"edited\"}}}";
  std::optional<MergeResult> result =
      Merge(Servers(text, {}, {{"old", Digest("gone")}}));
  ASSERT_TRUE(result) << Messages(sink_);
  EXPECT_EQ(Findings(*result), "hand-edited: mcpServers.old\n");
  EXPECT_EQ(result->bytes, std::nullopt);
  EXPECT_TRUE(result->owned.empty());
}

TEST_F(MergeTest, CheckComparesParsedJsonNotBytes) {
  // Reordered keys and other spacing: the same server.
  std::string text =
      "{\"mcpServers\":{\"fs\":{\"env\":{\"B\":\"2\",\"A\":\"1\"},"
      "\"command\":\"npx\"}}}";
  WantedServer server{"fs",
                      {{"command", "npx"}, {"env", {{"A", "1"}, {"B", "2"}}}},
                      "mcp/fs.json"};
  std::optional<MergeResult> result =
      Merge(Servers(text, {server}, {{"fs", ServerDigest(server.config)}}));
  ASSERT_TRUE(result) << Messages(sink_);
  EXPECT_EQ(Findings(*result), "");
  EXPECT_EQ(result->bytes, std::nullopt);
}

TEST_F(MergeTest, ACreatedTargetLeftEmptyIsRemoved) {
  MergeRequest request = Servers(
      "{\n  \"mcpServers\": {\n    \"fs\": {\n      \"command\": \"npx\"\n"
      "    }\n  }\n}\n",
      {}, {{"fs", Digest("npx")}});
  request.owned.created = true;
  std::optional<MergeResult> result = Merge(request);
  ASSERT_TRUE(result) << Messages(sink_);
  EXPECT_TRUE(result->remove);
  EXPECT_EQ(result->bytes, std::nullopt);
  EXPECT_TRUE(result->owned.empty());
  EXPECT_FALSE(result->owned.created);
  EXPECT_EQ(Findings(*result), "stale: mcpServers.fs\n");
}

TEST_F(MergeTest, ATargetSyncDidNotCreateIsKeptWhenEmpty) {
  std::optional<MergeResult> result =
      Merge(Servers("{\"mcpServers\": {\"fs\": {\"command\": \"npx\"}}}", {},
                    {{"fs", Digest("npx")}}));
  ASSERT_TRUE(result) << Messages(sink_);
  EXPECT_FALSE(result->remove);
  EXPECT_EQ(result->bytes, "{}\n");
}

// ---- MergeTarget: hooks ----------------------------------------------------

TEST_F(MergeTest, HooksGoIntoGroupsByMatcherInAgpmsOrder) {
  std::optional<MergeResult> result = Merge(Hooks(
      std::nullopt, {Hook({"SessionStart"}, "agpm update"),
                     Hook({"PreToolUse", "PostToolUse"}, "./check.sh", "Bash"),
                     Hook({"PreToolUse"}, "./lint.sh", "Bash"),
                     Hook({"PreToolUse"}, "./any.sh")}));
  ASSERT_TRUE(result) << Messages(sink_);
  EXPECT_EQ(result->bytes, R"({
  "hooks": {
    "PostToolUse": [
      {
        "hooks": [
          {
            "command": "./check.sh",
            "type": "command"
          }
        ],
        "matcher": "Bash"
      }
    ],
    "PreToolUse": [
      {
        "hooks": [
          {
            "command": "./check.sh",
            "type": "command"
          },
          {
            "command": "./lint.sh",
            "type": "command"
          }
        ],
        "matcher": "Bash"
      },
      {
        "hooks": [
          {
            "command": "./any.sh",
            "type": "command"
          }
        ]
      }
    ],
    "SessionStart": [
      {
        "hooks": [
          {
            "command": "agpm update",
            "type": "command"
          }
        ]
      }
    ]
  }
}
)");
  EXPECT_TRUE(result->owned.created);
  EXPECT_EQ(result->owned.hooks,
            (std::vector<OwnedHook>{Owned("SessionStart", "agpm update"),
                                    Owned("PreToolUse", "./check.sh", "Bash"),
                                    Owned("PostToolUse", "./check.sh", "Bash"),
                                    Owned("PreToolUse", "./lint.sh", "Bash"),
                                    Owned("PreToolUse", "./any.sh")}));
  EXPECT_EQ(Findings(*result),
            "missing: hooks.SessionStart: agpm update\n"
            "missing: hooks.PreToolUse[Bash]: ./check.sh\n"
            "missing: hooks.PostToolUse[Bash]: ./check.sh\n"
            "missing: hooks.PreToolUse[Bash]: ./lint.sh\n"
            "missing: hooks.PreToolUse: ./any.sh\n");
}

TEST_F(MergeTest, AHookJoinsTheUsersFirstGroupWithItsMatcher) {
  std::string text = R"({"permissions": {"allow": []}, "hooks": {"Stop": [
    {"matcher": "x", "hooks": [{"type": "command", "command": "theirs"}]},
    {"hooks": [{"type": "command", "command": "mine"}]}]}})";
  std::optional<MergeResult> result =
      Merge(Hooks(text, {Hook({"Stop"}, "ours")}));
  ASSERT_TRUE(result) << Messages(sink_);
  json expected =
      json::parse(R"({"permissions": {"allow": []}, "hooks": {"Stop": [
    {"matcher": "x", "hooks": [{"type": "command", "command": "theirs"}]},
    {"hooks": [{"type": "command", "command": "mine"},
               {"type": "command", "command": "ours"}]}]}})");
  EXPECT_EQ(result->bytes, expected.dump(2) + "\n");
  EXPECT_FALSE(result->owned.created);
  EXPECT_EQ(Findings(*result), "missing: hooks.Stop: ours\n");
}

TEST_F(MergeTest, AnEqualHookObjectIsAdoptedAndNothingIsWritten) {
  std::string text =
      "{\"hooks\": {\"SessionStart\": [{\"hooks\": [{\"command\": \"agpm "
      "update\", \"type\": \"command\"}]}]}}";
  std::optional<MergeResult> result =
      Merge(Hooks(text, {Hook({"SessionStart"}, "agpm update")}));
  ASSERT_TRUE(result) << Messages(sink_);
  EXPECT_EQ(result->bytes, std::nullopt);
  EXPECT_EQ(result->owned.hooks,
            std::vector<OwnedHook>{Owned("SessionStart", "agpm update")});
  EXPECT_EQ(Findings(*result), "");
}

TEST_F(MergeTest, AgpmsHookObjectIsNeitherAdoptedNorRemoved) {
  std::string text =
      "{\"hooks\": {\"SessionStart\": [{\"hooks\": [{\"command\": \"agpm "
      "update\", \"type\": \"command\", \"_agpm\": {\"managed\": true}}]}]}}";
  std::optional<MergeResult> result =
      Merge(Hooks(text, {Hook({"SessionStart"}, "agpm update")}));
  ASSERT_TRUE(result) << Messages(sink_);
  json groups = json::parse(*result->bytes)["hooks"]["SessionStart"];
  EXPECT_EQ(
      groups.dump(),
      R"([{"hooks":[{"_agpm":{"managed":true},"command":"agpm update",)"
      R"("type":"command"},{"command":"agpm update","type":"command"}]}])");
  EXPECT_EQ(Findings(*result), "missing: hooks.SessionStart: agpm update\n");
}

TEST_F(MergeTest, UnchangedOwnedHooksStayWhereTheyAre) {
  // Ours first, the user's after: a sync that changes nothing writes nothing.
  std::string text = R"({"hooks": {"Stop": [{"hooks": [
    {"type": "command", "command": "ours"},
    {"type": "command", "command": "theirs"}]}]}})";
  std::optional<MergeResult> result =
      Merge(Hooks(text, {Hook({"Stop"}, "ours")}, {Owned("Stop", "ours")}));
  ASSERT_TRUE(result) << Messages(sink_);
  EXPECT_EQ(result->bytes, std::nullopt);
  EXPECT_EQ(Findings(*result), "");
}

TEST_F(MergeTest, OwnedHooksNoLongerWantedAreRemovedWithTheirEmptyGroups) {
  std::string text = R"({"hooks": {
    "Stop": [{"hooks": [{"type": "command", "command": "old"}]},
             {"matcher": "m", "hooks": [{"type": "command", "command": "old"},
                                        {"type": "command", "command": "theirs"}]}],
    "SessionEnd": [{"hooks": [{"type": "command", "command": "gone"}]}]},
    "model": "opus"})";
  std::optional<MergeResult> result =
      Merge(Hooks(text, {Hook({"Stop"}, "new")},
                  {Owned("Stop", "old"), Owned("Stop", "old", "m"),
                   Owned("SessionEnd", "gone")}));
  ASSERT_TRUE(result) << Messages(sink_);
  json expected = json::parse(R"({"hooks": {"Stop": [
    {"matcher": "m", "hooks": [{"type": "command", "command": "theirs"}]},
    {"hooks": [{"type": "command", "command": "new"}]}]}, "model": "opus"})");
  EXPECT_EQ(result->bytes, expected.dump(2) + "\n");
  EXPECT_EQ(result->owned.hooks, std::vector<OwnedHook>{Owned("Stop", "new")});
  EXPECT_EQ(Findings(*result),
            "stale: hooks.Stop: old\n"
            "stale: hooks.Stop[m]: old\n"
            "stale: hooks.SessionEnd: gone\n"
            "missing: hooks.Stop: new\n");
}

TEST_F(MergeTest, AnOwnedHookNoLongerFoundIsAHandEditPutBack) {
  std::string text = R"({"hooks": {"Stop": [{"hooks": [
    {"type": "command", "command": "ours --edited"}]}]}})";
  std::optional<MergeResult> result =
      Merge(Hooks(text, {Hook({"Stop"}, "ours")}, {Owned("Stop", "ours")}));
  ASSERT_TRUE(result) << Messages(sink_);
  EXPECT_EQ(Findings(*result), "hand-edited: hooks.Stop: ours\n");
  json expected = json::parse(R"({"hooks": {"Stop": [{"hooks": [
    {"type": "command", "command": "ours --edited"},
    {"type": "command", "command": "ours"}]}]}})");
  EXPECT_EQ(result->bytes, expected.dump(2) + "\n");
  EXPECT_EQ(sink_.error_count(), 0);
}

TEST_F(MergeTest, AnOwnedHookRemovedByHandAndNoLongerWantedIsAHandEdit) {
  std::optional<MergeResult> result =
      Merge(Hooks("{\"hooks\": {}}", {}, {Owned("Stop", "ours")}));
  ASSERT_TRUE(result) << Messages(sink_);
  EXPECT_EQ(Findings(*result), "hand-edited: hooks.Stop: ours\n");
  EXPECT_EQ(result->bytes, std::nullopt);
  EXPECT_TRUE(result->owned.empty());
}

TEST_F(MergeTest, ACreatedSettingsFileLeftEmptyIsRemoved) {
  MergeRequest request = Hooks(
      "{\"hooks\": {\"Stop\": [{\"hooks\": [{\"type\": \"command\", "
      "\"command\": \"ours\"}]}]}}",
      {}, {Owned("Stop", "ours")});
  request.owned.created = true;
  std::optional<MergeResult> result = Merge(request);
  ASSERT_TRUE(result) << Messages(sink_);
  EXPECT_TRUE(result->remove);
  EXPECT_EQ(result->bytes, std::nullopt);
  EXPECT_EQ(Findings(*result), "stale: hooks.Stop: ours\n");
}

TEST_F(MergeTest, TheSameHookObjectTwiceIsOneObject) {
  std::optional<MergeResult> result = Merge(
      Hooks(std::nullopt, {Hook({"Stop", "Stop"}, "x"), Hook({"Stop"}, "x")}));
  ASSERT_TRUE(result) << Messages(sink_);
  EXPECT_EQ(result->owned.hooks, std::vector<OwnedHook>{Owned("Stop", "x")});
  EXPECT_EQ(json::parse(*result->bytes)["hooks"]["Stop"].dump(),
            R"([{"hooks":[{"command":"x","type":"command"}]}])");
}

TEST_F(MergeTest, MalformedHookGroupsAreAnError) {
  std::string text = "{\"hooks\": {\"Stop\": [\n  {\"hooks\": {}}]}}";
  EXPECT_FALSE(Merge(Hooks(text, {Hook({"Stop"}, "x")})));
  EXPECT_EQ(Messages(sink_),
            ".claude/settings.local.json:2:3: error: 'hooks.Stop' must be a "
            "list of objects, each with an optional string 'matcher' and a "
            "list 'hooks'\n"
            "  {\"hooks\": {}}]}}\n"
            "  ^\n");
  EXPECT_FALSE(Merge(Hooks("{\"hooks\": []}", {Hook({"Stop"}, "x")})));
  EXPECT_EQ(sink_.diagnostics().at(0).message, "'hooks' must be a JSON object");
  // An event sync does not touch is the user's business.
  EXPECT_TRUE(
      Merge(Hooks("{\"hooks\": {\"Other\": 5}}", {Hook({"Stop"}, "x")})));
}

}  // namespace
}  // namespace agentgen
