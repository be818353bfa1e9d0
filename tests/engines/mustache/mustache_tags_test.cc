// SPDX-License-Identifier: MIT
#include "engines/mustache/mustache_tags.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace agentgen {
namespace {

struct Read {
  std::vector<Tag> tags;
  std::optional<TemplateError> error;
};

Read ReadAll(std::string_view text) {
  Read read;
  TagReader reader(text);
  Tag tag;
  TemplateError error;
  while (true) {
    TagReader::Result result = reader.Next(&tag, &error);
    if (result == TagReader::Result::kEnd) break;
    if (result == TagReader::Result::kError) {
      read.error = error;
      break;
    }
    read.tags.push_back(tag);
  }
  return read;
}

TEST(MustacheTagsTest, TellsTheKindsApartAndTrimsSpacesOnly) {
  std::string text =
      "{{ a }}{{{b}}}{{& c}}{{#d}}{{^e}}{{/d}}{{> p }}{{! note }}{{\tf}}";
  Read read = ReadAll(text);
  ASSERT_FALSE(read.error);
  std::vector<TagKind> kinds;
  std::vector<std::string> names;
  for (const Tag& tag : read.tags) {
    kinds.push_back(tag.kind);
    names.emplace_back(tag.name);
  }
  EXPECT_EQ(
      kinds,
      (std::vector<TagKind>{
          TagKind::kEscaped, TagKind::kUnescaped, TagKind::kUnescaped,
          TagKind::kSection, TagKind::kInvertedSection, TagKind::kSectionEnd,
          TagKind::kPartial, TagKind::kComment, TagKind::kEscaped}));
  EXPECT_EQ(names, (std::vector<std::string>{"a", "b", "c", "d", "e", "d", "p",
                                             "note", "\tf"}));
  EXPECT_EQ(read.tags[1].begin, 7u);
  EXPECT_EQ(read.tags[1].end, 14u);
}

TEST(MustacheTagsTest, FollowsSetDelimiterTags) {
  Read read = ReadAll("{{=<% %>=}}<% a %>{{b}}<%={{ }}=%>{{c}}");
  ASSERT_FALSE(read.error);
  ASSERT_EQ(read.tags.size(), 4u);
  EXPECT_EQ(read.tags[0].kind, TagKind::kSetDelimiters);
  EXPECT_EQ(read.tags[1].name, "a");
  EXPECT_EQ(read.tags[3].name, "c");
}

TEST(MustacheTagsTest, RefusesWhatMstchWouldMisread) {
  EXPECT_EQ(ReadAll("x {{a").error->message, "unterminated tag");
  EXPECT_EQ(ReadAll("{{{a}}").error->message, "unterminated tag");
  EXPECT_EQ(ReadAll("{{ }}").error->message, "tag has no name");
  EXPECT_EQ(ReadAll("{{=a=}}").error->message, "bad set-delimiter tag");
  EXPECT_EQ(ReadAll("{{ =a b= }}").error->message, "bad set-delimiter tag");
  // mstch looks for the closing delimiter from the opening one's second
  // character, so delimiters can overlap: such a tag has no inside.
  Read overlap = ReadAll("{{=<% %>=}}<%>");
  ASSERT_TRUE(overlap.error);
  EXPECT_EQ(overlap.error->offset, 11u);
}

TEST(MustacheTagsTest, QuotesEndTagsWithTheCurrentDelimiters) {
  TagReader reader("{{=[ ]=}}");
  Tag tag;
  TemplateError error;
  ASSERT_EQ(reader.Next(&tag, &error), TagReader::Result::kTag);
  EXPECT_EQ(reader.SectionEndText("x"), "[/x]");
}

}  // namespace
}  // namespace agentgen
