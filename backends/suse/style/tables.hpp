// The tables of data/suse-style, compiled into the binary by cmake/EmbedStyleData.cmake.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace katalint::suse_style {

struct EmbeddedTable {
  std::string_view name;                 // file name, e.g. "licenses.tsv"
  std::vector<std::string_view> chunks;  // the file's text, in pieces
};

const std::vector<EmbeddedTable>& embedded_tables();

// The rows of a table: lines that are neither blank nor comments ('#'), split at tabs.
const std::vector<std::vector<std::string>>& table_rows(std::string_view name);

}  // namespace katalint::suse_style
