// Inline suppression comments:
//   # katalint: disable=rule-a,rule-b reason     this line, or the next one when alone on its line
//   # katalint: disable-file=rule-a reason       the whole file
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "ir/source.hpp"

namespace katalint::rules {

struct SuppressionCode {
  std::string name;  // as written: a rule id or alias
  ir::Range range;
};

struct Suppression {
  bool whole_file = false;
  bool standalone = false;     // nothing but blanks before the comment
  std::uint32_t line = 0;      // the comment's line (1-based)
  std::uint32_t covers = 0;    // the line it suppresses; 0 for none or the whole file
  ir::Range directive;         // from '#' to the end of the comment
  ir::Range removal;           // what deleting the comment removes (the line, or the trailing comment)
  ir::Range list;              // the comma-separated names
  std::vector<SuppressionCode> codes;
  std::string error;           // set when the directive is malformed; codes is then empty
};

// Every `# katalint:` comment in the file, in source order.
std::vector<Suppression> parse_suppressions(const ir::SourceFile& file);

}  // namespace katalint::rules
