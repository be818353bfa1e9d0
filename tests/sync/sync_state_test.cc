// SPDX-License-Identifier: MIT
#include "sync/sync_state.h"

#include <gtest/gtest.h>

namespace agentgen {
namespace {

const std::string kDigestA = "sha256:" + std::string(64, 'a');
const std::string kDigestB = "sha256:" + std::string(64, 'b');

SyncState SmallState() {
  SyncState state;
  state.files[".claude/agents/agpm/reviewer.md"] = kDigestA;
  state.merged[".mcp.json"].servers["fs"] = kDigestB;
  MergedOwnership& local = state.merged[kLocalSettingsPath];
  local.created = true;
  local.hooks.push_back({"SessionStart",
                         std::nullopt,
                         {{"type", "command"}, {"command", "agpm update"}}});
  local.hooks.push_back(
      {"PreToolUse",
       "Bash",
       {{"type", "command"}, {"command", "./check.sh"}, {"timeout", 5}}});
  return state;
}

std::string Messages(const DiagnosticSink& sink) {
  std::string text;
  for (const Diagnostic& diagnostic : sink.diagnostics())
    text += FormatDiagnostic(diagnostic);
  return text;
}

TEST(SyncStateTest, TheCommittedFileByteForByte) {
  EXPECT_EQ(FormatSyncState(SmallState(), false),
            "{\n"
            "  \"files\": {\n"
            "    \".claude/agents/agpm/reviewer.md\": \"" +
                kDigestA +
                "\"\n"
                "  },\n"
                "  \"merged\": {\n"
                "    \".mcp.json\": {\n"
                "      \"created\": false,\n"
                "      \"servers\": {\n"
                "        \"fs\": \"" +
                kDigestB +
                "\"\n"
                "      }\n"
                "    }\n"
                "  },\n"
                "  \"schema_version\": 1\n"
                "}\n");
}

TEST(SyncStateTest, TheLocalFileByteForByte) {
  EXPECT_EQ(FormatSyncState(SmallState(), true),
            R"({
  "merged": {
    ".claude/settings.local.json": {
      "created": true,
      "hooks": [
        {
          "event": "SessionStart",
          "hook": {
            "command": "agpm update",
            "type": "command"
          },
          "matcher": null
        },
        {
          "event": "PreToolUse",
          "hook": {
            "command": "./check.sh",
            "timeout": 5,
            "type": "command"
          },
          "matcher": "Bash"
        }
      ]
    }
  },
  "schema_version": 1
}
)");
}

TEST(SyncStateTest, AStateWithNothingFormatsEmptyTables) {
  EXPECT_EQ(FormatSyncState(SyncState(), false),
            "{\n  \"files\": {},\n  \"merged\": {},\n"
            "  \"schema_version\": 1\n}\n");
}

TEST(SyncStateTest, EachFileReadsBackAsItsPart) {
  SyncState state = SmallState();
  for (bool local : {false, true}) {
    DiagnosticSink sink;
    std::optional<SyncState> read =
        ParseSyncState(FormatSyncState(state, local), "state.json", sink);
    ASSERT_TRUE(read) << Messages(sink);
    SyncState part = StatePart(state, local);
    EXPECT_EQ(read->files, part.files);
    ASSERT_EQ(read->merged.size(), part.merged.size());
    for (const auto& [path, owned] : part.merged) {
      const MergedOwnership& back = read->merged.at(path);
      EXPECT_EQ(back.created, owned.created) << path;
      EXPECT_EQ(back.servers, owned.servers) << path;
      EXPECT_EQ(back.hooks, owned.hooks) << path;
    }
  }
}

TEST(SyncStateTest, StatePartSplitsTheLocalTargetFromTheRest) {
  SyncState state = SmallState();
  SyncState committed = StatePart(state, false);
  EXPECT_EQ(committed.files, state.files);
  ASSERT_EQ(committed.merged.size(), 1u);
  EXPECT_EQ(committed.merged.begin()->first, ".mcp.json");

  SyncState local = StatePart(state, true);
  EXPECT_TRUE(local.files.empty());
  ASSERT_EQ(local.merged.size(), 1u);
  EXPECT_EQ(local.merged.begin()->first, kLocalSettingsPath);
}

TEST(SyncStateTest, TargetsOwningNothingAreLeftOut) {
  SyncState state;
  state.merged[".mcp.json"].created = true;
  state.merged[kLocalSettingsPath].created = true;
  EXPECT_TRUE(StatePart(state, false).empty());
  EXPECT_TRUE(StatePart(state, true).empty());
  EXPECT_EQ(FormatSyncState(state, true),
            "{\n  \"merged\": {},\n  \"schema_version\": 1\n}\n");
}

TEST(SyncStateTest, DigestsAreSha256OfTheCompactSortedServer) {
  EXPECT_EQ(StateDigest("abc"),
            "sha256:"
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  nlohmann::json server = {{"command", "npx"}, {"args", {"-y"}}};
  EXPECT_EQ(ServerDigest(server),
            StateDigest(R"({"args":["-y"],"command":"npx"})"));
}

class SyncStateErrorTest : public ::testing::Test {
 protected:
  std::string Error(const std::string& text) {
    DiagnosticSink sink;
    EXPECT_FALSE(ParseSyncState(text, ".agentgen-sync.json", sink));
    EXPECT_EQ(sink.error_count(), 1);
    if (!sink.diagnostics().empty()) {
      EXPECT_EQ(sink.diagnostics()[0].rule, "sync-state");
    }
    return Messages(sink);
  }
};

const char kSafe[] =
    "; deleting the file is safe (sync then adopts every file that equals "
    "what it would write)\n";

TEST_F(SyncStateErrorTest, BadJson) {
  EXPECT_EQ(Error("{\"files\": {,}}"),
            std::string(".agentgen-sync.json:1:12: error: unreadable sync "
                        "state: invalid JSON: syntax error while parsing "
                        "object key - unexpected ','; expected string "
                        "literal") +
                kSafe + "{\"files\": {,}}\n           ^\n");
}

TEST_F(SyncStateErrorTest, UnknownSchemaVersion) {
  EXPECT_EQ(Error("{\"schema_version\": 2}"),
            std::string(".agentgen-sync.json:1:2: error: unreadable sync "
                        "state: unknown 'schema_version' 2; this agentgen "
                        "reads 1") +
                kSafe + "{\"schema_version\": 2}\n ^\n");
}

TEST_F(SyncStateErrorTest, MissingSchemaVersion) {
  EXPECT_EQ(Error("{}"),
            std::string(".agentgen-sync.json:1:1: error: "
                        "unreadable sync state: it has no "
                        "'schema_version'; this agentgen reads 1") +
                kSafe + "{}\n^\n");
}

TEST_F(SyncStateErrorTest, NotAnObject) {
  EXPECT_EQ(Error("[1]"),
            std::string(".agentgen-sync.json:1:1: error: unreadable sync "
                        "state: 'the file' must be a JSON object") +
                kSafe + "[1]\n^\n");
}

TEST_F(SyncStateErrorTest, WrongMemberTypes) {
  EXPECT_EQ(Error("{\"schema_version\": 1, \"files\": []}"),
            std::string(".agentgen-sync.json:1:23: error: unreadable sync "
                        "state: '/files' must be an object of paths to "
                        "digests") +
                kSafe + "{\"schema_version\": 1, \"files\": []}\n" +
                std::string(22, ' ') + "^\n");
  EXPECT_NE(Error(R"({"schema_version": 1, "files": {"a.md": 5}})")
                .find("'/files/a.md' must be 'sha256:' and 64 lowercase hex "
                      "digits"),
            std::string::npos);
  EXPECT_NE(Error(R"({"schema_version": 1, "merged": {".mcp.json":
                     {"created": "yes"}}})")
                .find("'/merged/.mcp.json/created' must be a boolean"),
            std::string::npos);
  EXPECT_NE(Error(R"({"schema_version": 1, "merged": {".mcp.json":
                     {"servers": {"fs": "sha256:AB"}}}})")
                .find("'/merged/.mcp.json/servers/fs' must be 'sha256:'"),
            std::string::npos);
  EXPECT_NE(Error(R"({"schema_version": 1, "merged": {"s.json":
                     {"hooks": [{"event": "Stop", "hook": {}}]}}})")
                .find("'/merged/s.json/hooks/0' must be an object with "
                      "'event' (a string), 'matcher' (a string or null) and "
                      "'hook' (an object)"),
            std::string::npos);
  EXPECT_NE(Error(R"({"schema_version": 1, "extra": true})")
                .find("unknown member 'extra'"),
            std::string::npos);
}

TEST_F(SyncStateErrorTest, APathOutsideTheDestination) {
  for (const char* path : {"../x.md", "/etc/passwd", "a//b", "a/./b", ""}) {
    std::string text = std::string(R"({"schema_version": 1, "files": {")") +
                       path + "\": \"" + kDigestA + "\"}}";
    EXPECT_NE(Error(text).find("must be a '/'-separated path below the "
                               "destination, without '.' or '..' components"),
              std::string::npos)
        << path;
  }
}

TEST_F(SyncStateErrorTest, ARepeatedKey) {
  EXPECT_NE(Error(R"({"schema_version": 1, "schema_version": 1})")
                .find("duplicate key \"schema_version\""),
            std::string::npos);
}

}  // namespace
}  // namespace agentgen
