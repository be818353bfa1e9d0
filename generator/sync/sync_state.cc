// SPDX-License-Identifier: MIT
#include "sync/sync_state.h"

#include "base/sha256.h"
#include "inputs/json_positions.h"
#include "outputs/json_file.h"

namespace agentgen {

const char kSyncStatePath[] = ".agentgen-sync.json";
const char kSyncLocalStatePath[] = ".claude/.agentgen-sync.local.json";
const char kLocalSettingsPath[] = ".claude/settings.local.json";

namespace {

using nlohmann::json;

constexpr int kSchemaVersion = 1;

// Reads one state file, reporting the first member of the wrong shape. A
// state file is sync's alone, so nothing in it is worth guessing about:
// the message says what was expected and that deleting the file is safe.
class StateReader {
 public:
  StateReader(std::string_view text, std::string_view display,
              DiagnosticSink& sink)
      : text_(text), display_(display), sink_(sink) {}

  std::optional<SyncState> Read() {
    json value;
    size_t error_offset = 0;
    if (std::optional<std::string> error =
            ParseJsonStrictly(text_, &value, &error_offset)) {
      Fail(error_offset, *error);
      return std::nullopt;
    }
    offsets_ = JsonValueOffsets(text_);
    SyncState state;
    if (!Expect(value.is_object(), "", "a JSON object") || !ReadVersion(value))
      return std::nullopt;
    for (const auto& [key, member] : value.items()) {
      std::string pointer = "/" + JsonPointerToken(key);
      bool read = key == "schema_version" ? true
                  : key == "files"        ? ReadFiles(member, pointer, state)
                  : key == "merged"       ? ReadMerged(member, pointer, state)
                                          : Unknown(pointer, key);
      if (!read) return std::nullopt;
    }
    return state;
  }

 private:
  bool ReadVersion(const json& value) {
    auto version = value.find("schema_version");
    if (version == value.end()) {
      Fail(offsets_[""], "it has no 'schema_version'; this agentgen reads " +
                             std::to_string(kSchemaVersion));
      return false;
    }
    if (!version->is_number_integer() || *version != kSchemaVersion) {
      Fail(offsets_["/schema_version"],
           "unknown 'schema_version' " + version->dump() +
               "; this agentgen reads " + std::to_string(kSchemaVersion));
      return false;
    }
    return true;
  }

  bool ReadFiles(const json& files, const std::string& pointer,
                 SyncState& state) {
    if (!Expect(files.is_object(), pointer, "an object of paths to digests"))
      return false;
    for (const auto& [path, digest] : files.items()) {
      std::string at = pointer + "/" + JsonPointerToken(path);
      if (!ExpectPath(path, at) || !ExpectDigest(digest, at)) return false;
      state.files[path] = digest.get<std::string>();
    }
    return true;
  }

  bool ReadMerged(const json& merged, const std::string& pointer,
                  SyncState& state) {
    if (!Expect(merged.is_object(), pointer, "an object of merge targets"))
      return false;
    for (const auto& [path, target] : merged.items()) {
      std::string at = pointer + "/" + JsonPointerToken(path);
      if (!ExpectPath(path, at) ||
          !ReadOwnership(target, at, state.merged[path]))
        return false;
    }
    return true;
  }

  bool ReadOwnership(const json& target, const std::string& pointer,
                     MergedOwnership& owned) {
    if (!Expect(target.is_object(), pointer,
                "an object with 'created', 'servers' and 'hooks'"))
      return false;
    for (const auto& [key, member] : target.items()) {
      std::string at = pointer + "/" + JsonPointerToken(key);
      bool read = key == "created"
                      ? Expect(member.is_boolean(), at, "a boolean")
                  : key == "servers" ? ReadServers(member, at, owned)
                  : key == "hooks"   ? ReadHooks(member, at, owned)
                                     : Unknown(at, key);
      if (!read) return false;
      if (key == "created") owned.created = member.get<bool>();
    }
    return true;
  }

  bool ReadServers(const json& servers, const std::string& pointer,
                   MergedOwnership& owned) {
    if (!Expect(servers.is_object(), pointer,
                "an object of server keys to digests"))
      return false;
    for (const auto& [key, digest] : servers.items()) {
      if (!ExpectDigest(digest, pointer + "/" + JsonPointerToken(key)))
        return false;
      owned.servers[key] = digest.get<std::string>();
    }
    return true;
  }

  bool ReadHooks(const json& hooks, const std::string& pointer,
                 MergedOwnership& owned) {
    if (!Expect(hooks.is_array(), pointer, "an array of hook entries"))
      return false;
    for (size_t i = 0; i < hooks.size(); ++i) {
      std::string at = pointer + "/" + std::to_string(i);
      const json& entry = hooks[i];
      const char* shape =
          "an object with 'event' (a string), 'matcher' (a string or null) "
          "and 'hook' (an object)";
      bool valid =
          entry.is_object() && entry.size() == 3 && entry.contains("event") &&
          entry["event"].is_string() && entry.contains("matcher") &&
          (entry["matcher"].is_string() || entry["matcher"].is_null()) &&
          entry.contains("hook") && entry["hook"].is_object();
      if (!Expect(valid, at, shape)) return false;
      OwnedHook hook{entry["event"].get<std::string>(), std::nullopt,
                     entry["hook"]};
      if (entry["matcher"].is_string())
        hook.matcher = entry["matcher"].get<std::string>();
      owned.hooks.push_back(std::move(hook));
    }
    return true;
  }

  // A recorded path is one sync may delete: it must stay below the
  // destination, whatever the file says.
  bool ExpectPath(const std::string& path, const std::string& pointer) {
    bool inside = !path.empty() && path.front() != '/';
    size_t begin = 0;
    while (inside && begin <= path.size()) {
      size_t end = path.find('/', begin);
      if (end == std::string::npos) end = path.size();
      std::string_view component(path.data() + begin, end - begin);
      inside = !component.empty() && component != "." && component != "..";
      begin = end + 1;
    }
    return Expect(inside, pointer,
                  "a '/'-separated path below the destination, without '.' "
                  "or '..' components");
  }

  bool ExpectDigest(const json& digest, const std::string& pointer) {
    bool valid = digest.is_string();
    if (valid) {
      const std::string& text = digest.get_ref<const std::string&>();
      valid =
          text.size() == 71 && text.compare(0, 7, "sha256:") == 0 &&
          text.find_first_not_of("0123456789abcdef", 7) == std::string::npos;
    }
    return Expect(valid, pointer, "'sha256:' and 64 lowercase hex digits");
  }

  bool Unknown(const std::string& pointer, const std::string& key) {
    Fail(offsets_[pointer], "unknown member '" + key + "'");
    return false;
  }

  bool Expect(bool condition, const std::string& pointer,
              const std::string& what) {
    if (!condition)
      Fail(offsets_[pointer],
           "'" + (pointer.empty() ? std::string("the file") : pointer) +
               "' must be " + what);
    return condition;
  }

  void Fail(size_t offset, const std::string& problem) {
    sink_.Error(LocateOffset(display_, text_, offset),
                "unreadable sync state: " + problem +
                    "; deleting the file is safe (sync then adopts every "
                    "file that equals what it would write)",
                "sync-state");
  }

  std::string_view text_;
  std::string_view display_;
  DiagnosticSink& sink_;
  std::map<std::string, size_t> offsets_;
};

json OwnershipJson(const MergedOwnership& owned) {
  json value = {{"created", owned.created}};
  if (!owned.servers.empty()) value["servers"] = owned.servers;
  if (owned.hooks.empty()) return value;
  json& hooks = value["hooks"] = json::array();
  for (const OwnedHook& hook : owned.hooks) {
    hooks.push_back({{"event", hook.event},
                     {"matcher", hook.matcher ? json(*hook.matcher) : json()},
                     {"hook", hook.hook}});
  }
  return value;
}

}  // namespace

std::string StateDigest(std::string_view bytes) {
  return "sha256:" + Sha256Hex(bytes);
}

std::string ServerDigest(const nlohmann::json& server) {
  return StateDigest(server.dump());
}

std::optional<SyncState> ParseSyncState(std::string_view text,
                                        std::string_view display,
                                        DiagnosticSink& sink) {
  return StateReader(text, display, sink).Read();
}

SyncState StatePart(const SyncState& state, bool local) {
  SyncState part;
  if (!local) part.files = state.files;
  for (const auto& [path, owned] : state.merged) {
    if (!owned.empty() && (path == kLocalSettingsPath) == local)
      part.merged[path] = owned;
  }
  return part;
}

std::string FormatSyncState(const SyncState& state, bool local) {
  SyncState part = StatePart(state, local);
  json value = {{"schema_version", kSchemaVersion}, {"merged", json::object()}};
  if (!local) value["files"] = part.files;
  for (const auto& [path, owned] : part.merged)
    value["merged"][path] = OwnershipJson(owned);
  return FormatJsonFile(value);
}

}  // namespace agentgen
