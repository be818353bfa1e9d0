// SPDX-License-Identifier: MIT
#include "outputs/manifest.h"

#include <gtest/gtest.h>

namespace agentgen {
namespace {

TEST(ManifestTest, SortedKeysTwoSpacesFinalNewline) {
  RenderedSource rendered;
  rendered.dialect = Dialect::kMustache;
  rendered.root = ".";
  rendered.source = "agents/a.md";
  rendered.inputs = {{"/w/agents/a.md", "agents/a.md", "ab", "source"}};
  auto source = std::make_shared<InputFile>();
  source->relative = "agents/a.md";
  rendered.files = {source};
  rendered.project = {{"z", "1"}, {"a", {{"b", true}}}};
  EXPECT_EQ(FormatManifest(rendered, "out/a.md"),
            "{\n"
            "  \"dependencies\": {\n"
            "    \"agents/a.md\": []\n"
            "  },\n"
            "  \"dialect\": \"mustache\",\n"
            "  \"generator\": {\n"
            "    \"name\": \"agentgen\",\n"
            "    \"version\": \"" AGENTGEN_VERSION
            "\"\n"
            "  },\n"
            "  \"inputs\": [\n"
            "    {\n"
            "      \"path\": \"agents/a.md\",\n"
            "      \"role\": \"source\",\n"
            "      \"sha256\": \"ab\"\n"
            "    }\n"
            "  ],\n"
            "  \"output\": \"out/a.md\",\n"
            "  \"project\": {\n"
            "    \"a\": {\n"
            "      \"b\": true\n"
            "    },\n"
            "    \"z\": \"1\"\n"
            "  },\n"
            "  \"root\": \".\",\n"
            "  \"schema_version\": 1,\n"
            "  \"source\": \"agents/a.md\"\n"
            "}\n");
}

}  // namespace
}  // namespace agentgen
