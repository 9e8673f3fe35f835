// OBS `_service` files: a small XML reader of our own (elements, attributes, text,
// comments, CDATA, processing instructions, the five predefined entities and character
// references) and the <services>/<service>/<param> structure on top of it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ir/diagnostic.hpp"
#include "ir/source.hpp"

namespace katalint::frontend {
class FilledTemplate;
}

namespace katalint::frontend::obs {

enum class XmlTokenKind : std::uint8_t {
  Text,         // character data between tags (whitespace included)
  StartTag,     // <service name="x">
  EndTag,       // </service>
  EmptyTag,     // <service name="x"/>
  Comment,      // <!-- ... -->
  CData,        // <![CDATA[ ... ]]>
  Declaration,  // <?xml ...?> and other processing instructions, <!DOCTYPE ...>
  Invalid,      // from the first syntax error to the end of the file
};

struct XmlToken {
  XmlTokenKind kind;
  std::uint32_t begin;  // offsets into ObsServiceFile::text
  std::uint32_t end;
};

struct ObsServiceParam {
  std::string name;   // the name attribute
  std::string value;  // text content, entities decoded, as written otherwise
  ir::Range range;        // <param ...>...</param>
  ir::Range name_range;   // the name attribute's value
  ir::Range value_range;  // the content between the tags
};

struct ObsService {
  std::string name;  // the name attribute
  std::string mode;  // the mode attribute, "" when absent
  ir::Range range;
  ir::Range name_range;
  ir::Range mode_range;  // invalid when there is no mode attribute
  std::vector<ObsServiceParam> params;
};

struct ObsServiceFile {
  ir::FileId file = ir::kNoFile;
  std::string text;
  std::vector<XmlToken> tokens;  // tile `text`
  std::vector<ObsService> services;
  bool well_formed = false;
};

// Invalid XML is reported as `obs-service-invalid-xml` at the offending byte (the rest of
// the file becomes one Invalid token); a document that is not <services> with <service>
// children holding <param> elements draws `obs-service-unexpected-element`.
ObsServiceFile parse_obs_service(const ir::SourceFile& file, std::string_view text,
                                 const FilledTemplate* map, ir::DiagnosticSink& sink);
ObsServiceFile parse_obs_service(const ir::SourceFile& file, ir::DiagnosticSink& sink);

std::string reprint(const ObsServiceFile& service);

}  // namespace katalint::frontend::obs
