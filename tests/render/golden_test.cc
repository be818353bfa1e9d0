// SPDX-License-Identifier: MIT
// Golden cases: each folder of tests/data/ holds `input/` (a source tree),
// `args` (the command line, one argument a line, run in that tree: its first
// line names the command, render, check or mcp) and `expected/` (every
// output file, plus `stderr`, `status` and, when anything was printed there,
// `stdout`). The whole pipeline runs over an in-memory copy of the tree;
// outputs go to /out, which starts with the files of `before/` when the
// case has one (an existing .mcp.json, a committed rendered agent).
//
// AGENTGEN_UPDATE_GOLDEN=1 rewrites `expected/` from what the run produced;
// review the diff before committing it.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "command_line/command_line.h"
#include "command_line/run.h"
#include "support/memory_file_system.h"

namespace agentgen {
namespace {

namespace stdfs = std::filesystem;

const char kWorkDir[] = "/case";
const char kOutDir[] = "/out";

std::string ReadWhole(const stdfs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void WriteWhole(const stdfs::path& path, const std::string& bytes) {
  stdfs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

std::vector<std::string> CaseNames() {
  std::vector<std::string> names;
  stdfs::path data(AGENTGEN_TEST_DATA_DIR);
  if (!stdfs::is_directory(data)) return names;
  for (const auto& entry : stdfs::directory_iterator(data)) {
    if (stdfs::exists(entry.path() / "args"))
      names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

class GoldenTest : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenTest, MatchesExpectedOutputs) {
  stdfs::path folder = stdfs::path(AGENTGEN_TEST_DATA_DIR) / GetParam();
  MemoryFileSystem fs(kWorkDir);
  fs.AddDirectory(kOutDir);
  stdfs::path input = folder / "input";
  for (const auto& entry : stdfs::recursive_directory_iterator(input)) {
    std::string relative =
        stdfs::relative(entry.path(), input).generic_string();
    if (entry.is_directory())
      fs.AddDirectory(relative);
    else
      fs.Add(relative, ReadWhole(entry.path()));
  }

  stdfs::path before = folder / "before";
  if (stdfs::is_directory(before)) {
    for (const auto& entry : stdfs::recursive_directory_iterator(before)) {
      if (!entry.is_regular_file()) continue;
      fs.Add(std::string(kOutDir) + "/" +
                 stdfs::relative(entry.path(), before).generic_string(),
             ReadWhole(entry.path()));
    }
  }

  std::vector<std::string> arguments;
  std::istringstream lines(ReadWhole(folder / "args"));
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty()) arguments.push_back(line);
  }
  ParsedCommandLine parsed = ParseCommandLine(arguments);
  ASSERT_TRUE(parsed.run) << parsed.err;
  CommandResult result = RunCommand(fs, parsed, "");

  // Every output the run wrote, by its name under /out.
  std::map<std::string, std::string> produced;
  for (const std::string& path : fs.FilesUnder(kOutDir))
    produced[path.substr(sizeof(kOutDir))] = fs.Contents(path);
  produced["stderr"] = result.err;
  produced["status"] = std::to_string(result.status) + "\n";
  if (!result.out.empty()) produced["stdout"] = result.out;

  stdfs::path expected = folder / "expected";
  if (std::getenv("AGENTGEN_UPDATE_GOLDEN")) {
    stdfs::remove_all(expected);
    for (const auto& [name, bytes] : produced)
      WriteWhole(expected / name, bytes);
    GTEST_SKIP() << "rewrote " << expected;
  }
  std::map<std::string, std::string> wanted;
  for (const auto& entry : stdfs::recursive_directory_iterator(expected)) {
    if (entry.is_regular_file()) {
      wanted[stdfs::relative(entry.path(), expected).generic_string()] =
          ReadWhole(entry.path());
    }
  }
  for (const auto& [name, bytes] : wanted) {
    auto got = produced.find(name);
    ASSERT_NE(got, produced.end()) << name << " was not written";
    EXPECT_EQ(got->second, bytes) << "in " << name;
  }
  for (const auto& [name, bytes] : produced)
    EXPECT_TRUE(wanted.count(name)) << "unexpected output " << name;
}

INSTANTIATE_TEST_SUITE_P(
    Data, GoldenTest, ::testing::ValuesIn(CaseNames()),
    [](const ::testing::TestParamInfo<std::string>& param) {
      std::string name = param.param;
      for (char& c : name)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
      return name;
    });

TEST(GoldenDataTest, TheFolderHoldsCases) {
  EXPECT_GE(CaseNames().size(), 8u) << "tests/data/ lost its cases";
}

}  // namespace
}  // namespace agentgen
